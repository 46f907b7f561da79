package org.newsgraph.entity;

import io.quarkus.test.common.QuarkusTestResource;

/** Every test in this module runs against the real PostgreSQL that the test run starts. */
@QuarkusTestResource(EntityTestDatabase.class)
public class TestDatabase {}
