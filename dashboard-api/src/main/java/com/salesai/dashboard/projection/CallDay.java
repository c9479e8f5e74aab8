package com.salesai.dashboard.projection;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * A day bucket of the read model: the slim copies of one organization's calls started on one UTC day, kept
 * newest-first. Keyed by {@code orgId|day} so every read is an {@code _id} lookup, which any MongoDB-compatible store
 * serves from its primary index (the embedded store uses no other index). {@code revision} guards the conditional
 * replace like {@link CallRecord}'s. A bucket holds one org-day (16 MB is some 40 000 calls), derived from
 * {@code call_records}; {@link DayBucketRebuild} can always rebuild it.
 */
@Document(CallDay.COLLECTION)
public record CallDay(@Id String id, long revision, String orgId, String day, List<DayCall> calls) {

    public static final String COLLECTION = "call_days";
}
