package com.salesai.dashboard.projection;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON spelling of an event enum (its {@code @JsonProperty}), which the read model stores and filters on. */
public final class WireValues {

    private WireValues() {
    }

    public static String of(Enum<?> value) {
        if (value == null) {
            return null;
        }
        try {
            JsonProperty property = value.getDeclaringClass().getField(value.name()).getAnnotation(JsonProperty.class);
            return property != null ? property.value() : value.name().toLowerCase();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
