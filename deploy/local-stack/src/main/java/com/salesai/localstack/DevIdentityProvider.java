package com.salesai.localstack;

import java.util.List;

/**
 * What the stack tells the developer about the dev identity provider it runs (deploy/dev-identity-provider): the
 * seeded users (the same {@code sub} as the dev tokens, so seeded data is theirs), their password and the scripts'
 * client. The provider's own application.yml holds the users; this list is what the banner prints of them.
 */
final class DevIdentityProvider {
    static final String AUDIENCE = "call-intelligence";
    static final String CLI_CLIENT = "call-intelligence-cli";

    record SeededUser(String username, String sub, String role, String orgId) {
    }

    static final List<SeededUser> USERS = List.of(
            new SeededUser("alice", LocalStack.REP, "member", LocalStack.ORG),
            new SeededUser("bruno", "rep-bruno", "member", LocalStack.ORG),
            new SeededUser("hugo", LocalStack.HEAD, "head_of_sales", LocalStack.ORG),
            new SeededUser("ada", "admin-ada", "admin", LocalStack.ORG),
            new SeededUser("olga", "head-olga", "head_of_sales", "org-globex"));

    private DevIdentityProvider() {
    }

    /** Every seeded user's password: {@code APP_DEV_PASSWORD}, else the design's {@code dev-password}. */
    static String password() {
        return Stack.envOr("APP_DEV_PASSWORD", "dev-password");
    }

    /** The scripts' client secret: {@code APP_DEV_CLI_SECRET}, else a dev default the banner prints. */
    static String cliSecret() {
        return Stack.envOr("APP_DEV_CLI_SECRET", "dev-cli-secret");
    }
}
