package com.salesai.dashboard.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code GET /api/calls/export} ({@code app.export}): at most {@code maxRows} calls in one file; a wider filter is
 * refused before anything is read, so one request never streams the whole read model.
 */
@ConfigurationProperties("app.export")
record ExportProperties(@DefaultValue("50000") int maxRows) {
}
