package com.salesai.dashboard.pages;

import com.salesai.platform.security.AuthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Defaults where the environment says nothing, the dev-token flag, and the policy's origins. */
class PagesSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, PagesConfig.class);

    @Test
    void withoutSettingsThePagesUseTheirOwnOriginTheDefaultClientAndNoDevTokens() {
        context.withPropertyValues("app.auth.issuer-uri=http://localhost:9000").run(ctx -> {
            PagesSettings settings = ctx.getBean(PagesSettings.class);
            assertThat(settings)
                    .isEqualTo(new PagesSettings("http://localhost:9000", "call-intelligence-web", "", "", false));
            assertThat(settings.contentSecurityPolicy()).contains("connect-src 'self' http://localhost:9000;");
        });
    }

    @Test
    void devTokensAreAcceptedWhereTheDevSecretIsSet() {
        context.withPropertyValues("app.auth.dev-secret=some-dev-secret-of-at-least-32-chars").run(ctx -> {
            PagesSettings settings = ctx.getBean(PagesSettings.class);
            assertThat(settings.devTokensAccepted()).isTrue();
            assertThat(settings.issuer()).isEmpty();
            assertThat(settings.contentSecurityPolicy()).contains("connect-src 'self';");
        });
    }

    @Test
    void aMalformedUrlFailsStartUp() {
        assertThatThrownBy(() -> new PagesSettings("login.example.test", "web", "", "", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("login.example.test");
        assertThatThrownBy(() -> new PagesSettings("", "web", "ftp://files.test", "", false))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PagesSettings("", "web", "", "analysis.example.test", false))
                .isInstanceOf(IllegalStateException.class);
    }
}
