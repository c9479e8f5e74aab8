package com.salesai.integration.importing;

/** {@code 202} of {@code POST /api/integrations/fathom/import}: the job to poll. */
record ImportStarted(String jobId) {
}
