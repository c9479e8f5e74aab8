package com.salesai.schema.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Fathom's {@code calendar_invitees_domains_type}: whether anyone outside the company was invited. */
public enum InviteeDomainsType {
    @JsonProperty("only_internal") ONLY_INTERNAL,
    @JsonProperty("one_or_more_external") ONE_OR_MORE_EXTERNAL
}
