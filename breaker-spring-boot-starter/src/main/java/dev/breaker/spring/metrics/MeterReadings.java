package dev.breaker.spring.metrics;

import dev.breaker.core.Breaker;

/** What a series of meters reads when scraped: one breaker's totals, or a sum of several. */
interface MeterReadings {

    double state();

    double trips();

    double rejections();

    double successes();

    double failures();

    double ignored();

    double slowCalls();

    /** One breaker's own totals. */
    static MeterReadings of(Breaker breaker) {
        return new MeterReadings() {
            @Override
            public double state() {
                return breaker.state().gaugeValue();
            }

            @Override
            public double trips() {
                return breaker.totalTrips();
            }

            @Override
            public double rejections() {
                return breaker.totalRejections();
            }

            @Override
            public double successes() {
                return breaker.totalSuccesses();
            }

            @Override
            public double failures() {
                return breaker.totalFailures();
            }

            @Override
            public double ignored() {
                return breaker.totalIgnored();
            }

            @Override
            public double slowCalls() {
                return breaker.totalSlowCalls();
            }
        };
    }
}
