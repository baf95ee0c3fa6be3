package com.example.garmentclassifier.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import com.example.garmentclassifier.WithServiceSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The container's error page alone, as Tomcat forwards to it with the error's status in a request
 * attribute: a 4xx names its reason, a 5xx says only that it was logged, and a direct visit is a 404, all
 * as problem details with nothing of the request echoed. The service's security rules stand in front: an error
 * page must not itself ask for a login.
 */
@WebMvcTest(ProblemErrorController.class)
@WithServiceSecurity
class ProblemErrorControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aForwarded4xxNamesItsReason() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 405)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/secret/path"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Method Not Allowed"))
                .andExpect(jsonPath("$.detail").value("The request was refused: method not allowed"))
                .andExpect(jsonPath("$.path").doesNotExist())
                .andExpect(content().string(not(containsString("/secret/path"))));
    }

    @Test
    void aForwarded5xxSaysOnlyThatItWasLogged() throws Exception {
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("at /var/secret")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("Internal Server Error"))
                .andExpect(jsonPath("$.detail").value("The request could not be completed; the error has been logged"))
                .andExpect(content().string(not(containsString("secret"))));
    }

    @Test
    void aDirectVisitIsA404() throws Exception {
        mvc.perform(get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not Found"));
    }
}
