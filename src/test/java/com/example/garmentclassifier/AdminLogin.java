package com.example.garmentclassifier;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** HTTP Basic logins for slices marked {@link WithServiceSecurity}. */
public final class AdminLogin {

    private AdminLogin() {
    }

    /** The admin's own login. */
    public static RequestPostProcessor asAdmin() {
        return httpBasic(WithServiceSecurity.ADMIN, WithServiceSecurity.ADMIN_PASSWORD);
    }

    /** The admin's name with a wrong password. */
    public static RequestPostProcessor withWrongPassword() {
        return httpBasic(WithServiceSecurity.ADMIN, WithServiceSecurity.ADMIN_PASSWORD + "-not");
    }
}
