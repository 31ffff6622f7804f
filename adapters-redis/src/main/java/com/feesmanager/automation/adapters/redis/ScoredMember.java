package com.feesmanager.automation.adapters.redis;

/** A member of a sorted set with its score. */
record ScoredMember(String member, double score) {}
