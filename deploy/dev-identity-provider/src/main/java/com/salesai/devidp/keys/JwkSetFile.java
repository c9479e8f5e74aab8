package com.salesai.devidp.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The provider's signing keys, kept in one JWK set file (private parts included, owner-only) so the tokens it
 * issued stay verifiable after a restart. Created with one RS256 key on first use.
 */
final class JwkSetFile {
    private JwkSetFile() {
    }

    static JWKSet loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
            JWKSet keys = new JWKSet(key);
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, "jwks", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, keys.toString(false), StandardCharsets.UTF_8);
            // a crash mid-write leaves no half file that the next start would fail to parse
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return keys;
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot load or create the signing keys at " + file, e);
        }
    }
}
