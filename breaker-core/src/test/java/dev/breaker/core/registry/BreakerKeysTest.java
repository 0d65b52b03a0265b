package dev.breaker.core.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerKeysTest {

    @Test
    void aKeyOfAtMost256CharactersStaysAsItIs() {
        String key = "/v1/messages|claude-sonnet-4-5-préview|" + "t".repeat(200);

        assertThat(BreakerKeys.bounded(key)).isSameAs(key);
        assertThat(BreakerKeys.bounded("x".repeat(256))).hasSize(256);
    }

    @Test
    void aLongerKeyIsCutTo256CharactersEndingWithAHashOfTheWholeValue() {
        String prefix = "/v1/" + "a".repeat(4_000);

        String one = BreakerKeys.bounded(prefix + "-one");
        String two = BreakerKeys.bounded(prefix + "-two");

        assertThat(one).hasSize(BreakerKeys.MAX_LENGTH).startsWith("/v1/aaaa").matches(".*#[0-9a-f]{16}");
        assertThat(two).hasSize(BreakerKeys.MAX_LENGTH);
        assertThat(one).as("keys that differ only past the cut still differ").isNotEqualTo(two);
        assertThat(BreakerKeys.bounded(prefix + "-one")).as("the same value, the same key").isEqualTo(one);
        assertThat(BreakerKeys.bounded(one)).as("bounding is idempotent").isEqualTo(one);
    }

    @Test
    void theCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String key = "m".repeat(238) + "😀".repeat(100);

        String bounded = BreakerKeys.bounded(key);

        assertThat(bounded.length()).isLessThanOrEqualTo(BreakerKeys.MAX_LENGTH);
        assertThat(Character.isHighSurrogate(bounded.charAt(bounded.indexOf('#') - 1))).isFalse();
        assertThat(bounded.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
    }
}
