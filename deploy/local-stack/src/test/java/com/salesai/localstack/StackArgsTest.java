package com.salesai.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackArgsTest {

    @Test
    void noOptionStartsEverythingWithTheRealOpenAi() {
        StackArgs options = StackArgs.parse();

        assertThat(options.fakeOpenAi()).isFalse();
        assertThat(options.except()).isEmpty();
    }

    @Test
    void exceptNamesTheServicesLeftOutByTheirProcessNames() {
        StackArgs options = StackArgs.parse("--except", "integration-service", "--fake-openai", "--except",
                "dashboard-api");

        assertThat(options.fakeOpenAi()).isTrue();
        assertThat(options.except()).containsExactly(StackService.INTEGRATION, StackService.DASHBOARD);
    }

    @Test
    void anUnknownServiceIsRefusedWithTheNamesThatExist() {
        assertThatThrownBy(() -> StackArgs.parse("--except", "integration"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no service integration")
                .hasMessageContaining("webhook-ingest-service, analysis-service, dashboard-api");
    }

    @Test
    void exceptWithoutAServiceAndUnknownOptionsAreRefused() {
        assertThatThrownBy(() -> StackArgs.parse("--except")).hasMessageStartingWith("--except needs a service");
        assertThatThrownBy(() -> StackArgs.parse("--skip-build")).hasMessageStartingWith("unknown option --skip-build");
    }
}
