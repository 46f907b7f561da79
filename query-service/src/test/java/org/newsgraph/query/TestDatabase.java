package org.newsgraph.query;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every test in this module runs against the real PostgreSQL that the test run starts, with the
 * real schemas of all three services.
 */
@QuarkusTestResource(MigratedDatabase.class)
public class TestDatabase {}
