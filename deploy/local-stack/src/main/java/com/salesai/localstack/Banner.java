package com.salesai.localstack;

import java.time.Duration;

/**
 * What the stack prints once everything is ready: URLs, the users to sign in as, dev tokens and the three curl lines
 * of a first call.
 */
final class Banner {
    private Banner() {
    }

    static String render(StackConfig config, LocalSecrets secrets, Duration startup) {
        Duration validity = Duration.ofDays(30);
        String rep = DevTokens.mint(secrets.devSecret(), LocalStack.REP, LocalStack.ORG, "member", "Alice Martin",
                "alice@acme-sales.test", validity);
        String head = DevTokens.mint(secrets.devSecret(), LocalStack.HEAD, LocalStack.ORG, "head_of_sales",
                "Hugo Bernard", "hugo@acme-sales.test", validity);
        StringBuilder out = new StringBuilder("\n=== Call Intelligence for Fathom is running (started in "
                + startup.toSeconds() + " s) ===\n");
        for (StackService service : StackService.values()) {
            out.append(String.format("  %-24s %-24s actuator http://localhost:%d/actuator%n", service.processName(),
                    config.url(service), StackConfig.managementPort(service, config.port(service))));
        }
        out.append("  OpenAPI / Swagger UI     ").append(config.url(StackService.DASHBOARD))
                .append("/swagger-ui.html\n\n");
        out.append(signIn(config));
        out.append("Dev tokens (30 days):\n");
        out.append("  export REP_TOKEN=").append(rep).append("    # member ").append(LocalStack.REP).append('\n');
        out.append("  export HEAD_TOKEN=").append(head).append("    # head_of_sales ").append(LocalStack.HEAD)
                .append('\n');
        out.append("\nTry it:\n");
        out.append("  # 1. save a Fathom integration with the emulator's key\n");
        out.append("  curl -s -X PUT ").append(config.url(StackService.INTEGRATION))
                .append("/api/integrations/fathom -H \"Authorization: Bearer $REP_TOKEN\"")
                .append(" -H 'Content-Type: application/json' -d '{\"apiKey\":\"emulator-api-key\"}'\n");
        out.append("  # 2. make the emulator record a meeting (it posts a signed webhook)\n");
        out.append("  curl -s -X POST ").append(config.url(StackService.FATHOM_EMULATOR))
                .append("/emulator/recordings\n");
        out.append("  # 3. list the evaluated call\n");
        out.append("  curl -s '").append(config.url(StackService.DASHBOARD))
                .append("/api/calls?status=evaluated' -H \"Authorization: Bearer $REP_TOKEN\"\n");
        out.append("\nCtrl-C stops everything; data stays in .local/ for the next run.\n");
        return out.toString();
    }

    /** The seeded users of the dev identity provider, their password, and how a script gets a machine token. */
    static String signIn(StackConfig config) {
        String provider = config.url(StackService.IDENTITY_PROVIDER);
        StringBuilder out = new StringBuilder("Sign in at ").append(config.url(StackService.DASHBOARD))
                .append("/ (dev identity provider ").append(provider).append("), password ")
                .append(DevIdentityProvider.password()).append(":\n");
        for (DevIdentityProvider.SeededUser user : DevIdentityProvider.USERS) {
            out.append(String.format("  %-6s %-14s %-11s (sub %s)%n", user.username(), user.role(), user.orgId(),
                    user.sub()));
        }
        out.append("Machine token (client credentials; head_of_sales of ").append(LocalStack.ORG).append("):\n")
                .append("  export CLI_TOKEN=$(curl -s -u ").append(DevIdentityProvider.CLI_CLIENT).append(':')
                .append(DevIdentityProvider.cliSecret()).append(" -d grant_type=client_credentials ").append(provider)
                .append("/oauth2/token | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')\n\n");
        return out.toString();
    }
}
