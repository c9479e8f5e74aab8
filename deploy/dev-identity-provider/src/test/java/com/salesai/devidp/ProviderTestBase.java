package com.salesai.devidp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The provider on a fixed free port, so its issuer ({@code http://localhost:<port>}) is the address the tests call,
 * as {@code http://localhost:9000} is in the local stack; its keys in a throw-away folder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ProviderTestBase {
    static final int PORT = freePort();
    static final String ISSUER = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) throws IOException {
        Path keys = Files.createTempDirectory("idp-keys").resolve("jwks.json");
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("dev-idp.key-file", keys::toString);
    }

    final Browser browser = new Browser(ISSUER);

    static Jwt verified(String token) {
        return NimbusJwtDecoder.withJwkSetUri(ISSUER + "/oauth2/jwks").build().decode(token);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
