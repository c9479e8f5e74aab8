package com.salesai.dashboard.projection;

/**
 * One criterion of an evaluated call with its score that counts (1–5: the reviewer's where the review scores it, else
 * the AI's), by its key in the call's scorecard and with the label the evaluation gave it (may be null).
 */
public record CriterionScore(String key, String label, int score) {
}
