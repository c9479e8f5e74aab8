package com.salesai.integration.settings;

/** Counts of one key rotation pass over every stored secret. */
public record ReencryptionReport(String activeKeyId, int integrations, int reencryptedValues, int alreadyCurrent,
                                 int failed) {
}
