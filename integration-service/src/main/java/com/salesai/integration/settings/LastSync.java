package com.salesai.integration.settings;

import java.time.Instant;

/** The user's latest catch-up sync: when it ran and how many calls it found whose webhook never came. */
public record LastSync(Instant at, int recovered) {
}
