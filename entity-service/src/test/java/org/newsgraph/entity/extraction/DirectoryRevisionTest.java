package org.newsgraph.entity.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractor sees actors added to its directory as soon as the revision changes. */
class DirectoryRevisionTest {

  /** A directory that curators grow while the extractor runs. */
  private static final class GrowingDirectory implements ActorDirectory {
    private final List<KnownActor> actors = new ArrayList<>();
    private long revision;

    void add(KnownActor actor) {
      actors.add(actor);
      revision++;
    }

    @Override
    public List<KnownActor> actors() {
      return List.copyOf(actors);
    }

    @Override
    public long revision() {
      return revision;
    }
  }

  @Test
  void newAliasResolvesAfterRevisionChange() {
    GrowingDirectory directory = new GrowingDirectory();
    directory.add(
        new KnownActor(
            "utopia", "Utopia", "STATE", "UTO", null, List.of("Utopia"), List.of(), List.of()));
    RuleBasedExtractor extractor = new RuleBasedExtractor(directory, Pipelines.analyzer());
    String text = "Utopia condemned the Zenda Brigade on Monday.";
    LocalDate published = LocalDate.of(2025, 6, 15);

    ExtractedEvent before = extractor.extract(text, published, "en").events().get(0);
    assertEquals("utopia", before.sources().get(0).actorId());
    assertTrue(before.targets().isEmpty() || !before.targets().get(0).actorId().equals("zenda"));

    directory.add(
        new KnownActor(
            "zenda",
            "Zenda Brigade",
            "ARMED_GROUP",
            "UTO",
            null,
            List.of("Zenda Brigade"),
            List.of(),
            List.of()));
    ExtractedEvent after = extractor.extract(text, published, "en").events().get(0);
    assertEquals("zenda", after.targets().get(0).actorId());
  }
}
