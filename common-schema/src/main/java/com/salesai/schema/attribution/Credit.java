package com.salesai.schema.attribution;

import com.salesai.schema.events.Attribution;

import java.util.Objects;

/** The member a call is credited to, and why. */
public record Credit(String userId, Attribution attribution) {
    public Credit {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(attribution, "attribution");
    }
}
