package com.salesai.localstack;

import java.time.Duration;

/** What the stack prints once everything is ready: URLs, dev tokens and the three curl lines of a first call. */
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
}
