/**
 * AES-256-GCM envelope for secrets at rest and on Kafka: {@link com.salesai.schema.crypto.EncryptedValue} is the
 * portable form {@code v1:<keyId>:<base64(iv ‖ ciphertext ‖ tag)>}, {@link com.salesai.schema.crypto.Keyring}
 * encrypts with its active key and still decrypts with retired ones, so keys can be rotated without downtime.
 */
package com.salesai.schema.crypto;
