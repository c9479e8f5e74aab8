package com.salesai.devidp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens issued before a restart stay verifiable: the keys live in the data folder. */
class SigningKeysRestartTest {

    @TempDir
    Path data;

    @Test
    void theSameKeySignsAfterARestartOnTheSameFolder() throws Exception {
        Path keyFile = data.resolve("idp/jwks.json");

        String before = keyIdServedWith(keyFile);
        String after = keyIdServedWith(keyFile);

        assertThat(after).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(keyIdServedWith(data.resolve("elsewhere/jwks.json"))).isNotEqualTo(before);
    }

    private static String keyIdServedWith(Path keyFile) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DevIdentityProviderApplication.class)
                .run("--server.port=0", "--management.server.port=0", "--dev-idp.key-file=" + keyFile)) {
            String port = context.getEnvironment().getProperty("local.server.port");
            return Browser.json(new Browser("http://localhost:" + port).get("http://localhost:" + port + "/oauth2/jwks"))
                    .path("keys").get(0).path("kid").asString();
        }
    }
}
