package com.salesai.bench.hotpaths;

import com.salesai.schema.crypto.Aad;
import com.salesai.schema.crypto.EncryptedValue;
import com.salesai.schema.crypto.Keyring;
import com.salesai.schema.webhooks.StandardWebhooksSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Decrypting a webhook secret (AES-256-GCM with AAD userId|webhookSecret) from its stored {@code v1:...} form. */
@State(Scope.Benchmark)
public class DecryptBench {
    private Keyring keyring;
    private String aad;
    private String stored;

    @Setup
    public void prepare() {
        keyring = Keyring.generate("bench1");
        aad = Aad.of("bench-user", "webhookSecret");
        stored = keyring.encrypt(StandardWebhooksSigner.newSecret(), aad).format();
    }

    @Benchmark
    public String decrypt() {
        return keyring.decrypt(EncryptedValue.parse(stored), aad);
    }
}
