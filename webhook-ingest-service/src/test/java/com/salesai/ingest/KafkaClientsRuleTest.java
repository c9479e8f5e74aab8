package com.salesai.ingest;

import com.salesai.testsupport.KafkaClientRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.salesai.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class KafkaClientsRuleTest {

    @ArchTest
    static final ArchRule kafkaClientsComeFromBootFactories = KafkaClientRules.KAFKA_CLIENTS_COME_FROM_BOOT_FACTORIES;
}
