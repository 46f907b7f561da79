package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.newsgraph.entity.registry.RegistryDirectory;

/** The extractor over the five seed articles, scored against the gold like score.py does. */
class SeedsEvaluationTest {

  @Test
  void seedsMeetTheQualityTarget() {
    SeedsEvaluation evaluation = new SeedsEvaluation(RegistryDirectory.shipped());
    SeedsEvaluation.Result result = evaluation.run(Pipelines.extractor());
    result.report().forEach(System.out::println);
    System.out.printf(
        "SEEDS actors %s | events %s | factuality %d/%d | fatalities %d/%d%n",
        result.actors(),
        result.events(),
        result.factualityOk(),
        result.factualityOf(),
        result.fatalitiesOk(),
        result.fatalitiesOf());
    assertTrue(result.actors().f1() >= 0.9, "actors F1 " + result.actors());
    assertTrue(result.events().f1() >= 0.8, "events F1 " + result.events());
    assertEquals(result.factualityOf(), result.factualityOk(), "factuality");
  }
}
