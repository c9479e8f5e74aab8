package com.salesai.schema.crypto;

/**
 * Additional authenticated data binding a ciphertext to its owner and field, so a value copied into another
 * user's record or another field fails to decrypt.
 */
public final class Aad {
    private static final char SEPARATOR = '|';

    private Aad() {
    }

    /**
     * @return {@code userId|orgId|fieldName}: also binds the organization, for a value whose copy into another
     *         organization must fail (the webhook secret, whose user's calls belong to that organization)
     * @throws IllegalArgumentException for a null or blank part, or a {@code |} in the user or organization id
     */
    public static String of(String userId, String orgId, String fieldName) {
        if (orgId == null || orgId.isBlank()) {
            throw new IllegalArgumentException("AAD organization id must not be blank");
        }
        if (orgId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("AAD organization id must not contain '" + SEPARATOR + "'");
        }
        of(userId, fieldName); // validates the other two parts
        return userId + SEPARATOR + orgId + SEPARATOR + fieldName;
    }

    /**
     * @return {@code userId|fieldName}
     * @throws IllegalArgumentException for a null or blank part, or a {@code |} in the user id (which would make
     *                                  two different pairs produce the same AAD)
     */
    public static String of(String userId, String fieldName) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("AAD user id must not be blank");
        }
        if (fieldName == null || fieldName.isBlank()) {
            throw new IllegalArgumentException("AAD field name must not be blank");
        }
        if (userId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("AAD user id must not contain '" + SEPARATOR + "'");
        }
        return userId + SEPARATOR + fieldName;
    }
}
