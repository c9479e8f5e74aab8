package com.salesai.schema.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** common-schema is shared by every service and must stay free of web, persistence and messaging frameworks. */
class SchemaDependencyRulesTest {

    private final JavaClasses schema = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.salesai.schema");

    @Test
    void hasNoSpringWebSpringDataOrKafkaDependency() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.springframework.web..", "org.springframework.http..", "org.springframework.data..",
                "org.apache.kafka..", "org.springframework.kafka..", "com.mongodb..", "org.bson..");

        rule.check(schema);
    }

    @Test
    void importsClassesSoTheRuleIsNotVacuous() {
        org.assertj.core.api.Assertions.assertThat(schema.contain("com.salesai.schema.events.CallRecorded")).isTrue();
    }
}
