package com.salesai.dashboard.web;

/** A query parameter with an unusable value; answered as 400 problem+json naming the parameter. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
