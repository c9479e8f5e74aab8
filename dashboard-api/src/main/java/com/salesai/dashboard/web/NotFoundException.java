package com.salesai.dashboard.web;

/** A resource that does not exist or lies outside the caller's scope (never told apart: 404, not 403). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
