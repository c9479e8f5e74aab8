package com.salesai.localstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack runs the dev identity provider and points the services at it without dropping the dev tokens. */
class DevIdentityProviderSetupTest {
    private final StackConfig config = StackConfig.defaults(Path.of("/repo"));
    private final LocalSecrets secrets = new LocalSecrets("local1:key", "local1", "dev-secret-of-at-least-32-characters");

    @Test
    void theServicesAcceptTheProvidersTokensAndTheDevTokens() {
        Map<String, String> env = Stack.serviceEnvironment(config, secrets);

        assertThat(env).containsEntry("APP_AUTH_ISSUER_URI", "http://localhost:9000")
                .containsEntry("APP_AUTH_AUDIENCE", "call-intelligence")
                .containsEntry("APP_AUTH_DEV_SECRET", "dev-secret-of-at-least-32-characters");
    }

    @Test
    void thePagesCallIntegrationServiceAndAnalysisServiceOnTheirOwnPorts() {
        Map<String, String> env = Stack.serviceEnvironment(config, secrets);

        assertThat(env).containsEntry("APP_WEB_INTEGRATION_API_URL", "http://localhost:8082")
                .containsEntry("APP_WEB_ANALYSIS_API_URL", "http://localhost:8083")
                .containsEntry("APP_CORS_ALLOWED_ORIGINS", "http://localhost:8080");
    }

    @Test
    void theProviderKeepsItsKeysInTheDataFolderAndKnowsThePages() {
        Map<String, String> env = Stack.providerEnvironment(config);

        assertThat(env).containsEntry("DEV_IDP_KEY_FILE", "/repo/.local/idp/jwks.json")
                .containsEntry("DEV_IDP_PAGES_URLS", "http://localhost:8080/,http://127.0.0.1:8080/")
                .containsKeys("APP_DEV_PASSWORD", "APP_DEV_CLI_SECRET")
                .doesNotContainKey("APP_AUTH_DEV_SECRET");
        assertThat(StackService.IDENTITY_PROVIDER.readinessPath()).isEqualTo("/.well-known/openid-configuration");
        assertThat(StackService.values()[0]).as("started, and awaited, before the services")
                .isEqualTo(StackService.IDENTITY_PROVIDER);
    }

    @Test
    void theBannerNamesTheUsersThePasswordAndHowToGetAMachineToken() {
        String banner = Banner.signIn(config);

        assertThat(banner).contains("Sign in at http://localhost:8080/ (dev identity provider http://localhost:9000)")
                .contains("  alice  member         org-acme    (sub rep-alice)")
                .contains("  hugo   head_of_sales  org-acme    (sub head-hugo)")
                .contains("  olga   head_of_sales  org-globex  (sub head-olga)")
                .contains("curl -s -u call-intelligence-cli:")
                .contains("http://localhost:9000/oauth2/token");
        if (System.getenv("APP_DEV_PASSWORD") == null) {
            assertThat(banner).contains("password dev-password");
        }
    }

    @Test
    void leftOutTheProviderPrintsItsOwnEnvironment() {
        String printed = StartByHand.render(config, StackService.IDENTITY_PROVIDER, Stack.providerEnvironment(config));

        assertThat(printed).contains("dev-identity-provider is not started (--except): start it by hand on "
                + "http://localhost:9000").contains("export DEV_IDP_KEY_FILE=/repo/.local/idp/jwks.json")
                .contains("then run com.salesai.devidp.DevIdentityProviderApplication");
    }
}
