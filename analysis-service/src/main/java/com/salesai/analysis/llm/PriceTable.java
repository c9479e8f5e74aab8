package com.salesai.analysis.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Estimated request cost from the configured USD-per-1M-token prices; null for a model without a price. */
final class PriceTable {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private final Map<String, OpenAiProperties.Price> prices;

    PriceTable(Map<String, OpenAiProperties.Price> prices) {
        this.prices = prices;
    }

    boolean knows(String model) {
        return prices.containsKey(model);
    }

    BigDecimal costUsd(String model, long promptTokens, long completionTokens) {
        OpenAiProperties.Price price = prices.get(model);
        if (price == null) {
            return null;
        }
        BigDecimal input = price.inputPerMillion().multiply(BigDecimal.valueOf(promptTokens));
        BigDecimal output = price.outputPerMillion().multiply(BigDecimal.valueOf(completionTokens));
        return input.add(output).divide(MILLION, 8, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
