package dev.breaker.benchmarks.outage;

import java.net.http.HttpHeaders;

/** One replica's breaker in front of the upstream, whichever library provides it. */
interface Replica {

    /** Permission for one call, or null when the breaker rejects it. */
    Admission tryAdmit();

    /** One admitted call; exactly one of its methods is called when the call ends. */
    interface Admission {

        /** Whether the breaker admitted the call as a half-open probe (not while closed). */
        boolean probe();

        void responded(int status, HttpHeaders headers);

        /** A time-out or a connection failure. */
        void failed(Throwable error);
    }
}
