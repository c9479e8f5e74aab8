/**
 * Standard Webhooks (as Fathom sends them through Svix): verifying the {@code webhook-signature} of a delivery over
 * its raw body bytes, and signing deliveries for the emulator, tests and benchmarks.
 */
package com.salesai.schema.webhooks;
