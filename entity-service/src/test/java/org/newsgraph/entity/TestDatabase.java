package org.newsgraph.entity;

import io.quarkus.test.common.QuarkusTestResource;
import org.newsgraph.devdb.PostgresTestResource;

/** Every test in this module runs against the real PostgreSQL that the test run starts. */
@QuarkusTestResource(PostgresTestResource.class)
public class TestDatabase {}
