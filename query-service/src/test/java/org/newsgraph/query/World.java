package org.newsgraph.query;

import java.sql.SQLException;
import java.util.UUID;
import org.newsgraph.query.rollup.RollupRefresher;

/**
 * A small, realistic world of three articles: a state and an armed group fighting, a person they
 * meet, an actor record merged into the state, an event merged into another and an undated
 * statement. Everything is unique to one {@link Fixtures}.
 *
 * <p>Expected rollups: {@code state} has 5 mentions (one through the merged record) in 3 articles
 * and 3 events; {@code group} 3 mentions, 3 articles, 3 events; {@code person} 2 mentions, 2
 * articles, 1 event.
 */
public final class World {

  public final Fixtures fx;
  public final String state;
  public final String group;
  public final String person;
  public final String mergedState;
  public final String text1;
  public final String text2;
  public final String text3;
  public final long article1;
  public final long article2;
  public final long article3;

  /** Fight, state -> group, two articles, 12-15 killed; dated {@code year-03-06}. */
  public final UUID fight;

  /** Absorbed into {@link #fight}. */
  public final UUID absorbed;

  /** Assault, group -> state, {@code year-04-11}. */
  public final UUID assault;

  /** Consult, (merged record of) state -> person, POSSIBLE, {@code year-04-18}. */
  public final UUID consult;

  /** Statement by the group, undated, first reported {@code year-03-07}. */
  public final UUID statement;

  /** Event ids as the API writes them, for matching lists. */
  public static String[] ids(UUID... events) {
    String[] ids = new String[events.length];
    for (int i = 0; i < events.length; i++) {
      ids[i] = events[i].toString();
    }
    return ids;
  }

  /** A new world, with merges known to the rollups (actor filters follow them through it). */
  public static World refreshed(RollupRefresher refresher) throws SQLException {
    World world = new World();
    refresher.refresh();
    return world;
  }

  public World() {
    fx = Fixtures.create();
    String t = fx.tag;
    state = fx.actor("freedonia", "Freedonia " + t, "STATE", fx.country);
    group = fx.actor("slf", "Sylvania Liberation Front " + t, "ARMED_GROUP", fx.country);
    person = fx.actor("rufus-firefly", "Rufus Firefly " + t, "PERSON", null);
    mergedState = fx.actor("freedonian-republic", "Freedonian Republic " + t, "STATE", fx.country);
    fx.alias(state, "Freedonian state " + t);
    fx.alias(group, "SLF " + t);

    text1 =
        "Freedonia troops shelled Sylvania Liberation Front positions near Fixture Town on Monday,"
            + " killing at least 12 people. Rufus Firefly met Freedonia officials the same day. "
            + t
            + " shelling.";
    text2 =
        "The Sylvania Liberation Front said Freedonia killed 15 fighters in the shelling. "
            + t
            + ".";
    text3 =
        "Sylvania Liberation Front fighters attacked Freedonia troops. Freedonian Republic envoys"
            + " may consult Rufus Firefly next week. "
            + t
            + ".";
    article1 = fx.article(text1, fx.date(3, 6));
    article2 = fx.article(text2, fx.date(3, 7));
    article3 = fx.article(text3, fx.date(4, 11));

    fx.mention(article1, text1, "Freedonia", 0, state);
    fx.mention(article1, text1, "Freedonia", 1, state);
    fx.mention(article1, text1, "Sylvania Liberation Front", 0, group);
    fx.mention(article1, text1, "Rufus Firefly", 0, person);
    fx.mention(article2, text2, "Sylvania Liberation Front", 0, group);
    fx.mention(article2, text2, "Freedonia", 0, state);
    fx.mention(article3, text3, "Sylvania Liberation Front", 0, group);
    fx.mention(article3, text3, "Freedonia", 0, state);
    fx.mention(article3, text3, "Freedonian Republic", 0, mergedState);
    fx.mention(article3, text3, "Rufus Firefly", 0, person);

    fight = fx.event("19", "Freedonia shells SLF positions", fx.date(3, 6), "DAY", "ASSERTED");
    fx.eventActor(fight, state, "SOURCE");
    fx.eventActor(fight, group, "TARGET");
    fx.eventMention(fight, article1, text1, "shelled", 12, "AT_LEAST");
    fx.eventMention(fight, article2, text2, "killed", 15, "EXACT");
    fx.update(
        fight,
        "article_count = 2, source_count = 2, fatalities_min = 12, fatalities_max = 15,"
            + " confidence = 0.9");

    absorbed = fx.event("19", "Shelling near Fixture Town", fx.date(3, 6), "DAY", "ASSERTED");
    fx.eventActor(absorbed, state, "SOURCE");
    fx.mergeEvent(absorbed, fight);

    assault = fx.event("18", "SLF attacks Freedonia troops", fx.date(4, 11), "DAY", "ASSERTED");
    fx.eventActor(assault, group, "SOURCE");
    fx.eventActor(assault, state, "TARGET");
    fx.eventMention(assault, article3, text3, "attacked", null, null);
    fx.update(assault, "injuries_min = 3, injuries_max = 3");

    consult = fx.event("04", "Envoys may consult Firefly", fx.date(4, 18), "DAY", "POSSIBLE");
    fx.eventActor(consult, mergedState, "SOURCE");
    fx.eventActor(consult, person, "TARGET");
    fx.eventMention(consult, article3, text3, "consult", null, null);

    statement = fx.event("01", "SLF statement", null, "UNKNOWN", "ASSERTED");
    fx.eventActor(statement, group, "SOURCE");
    fx.eventMention(statement, article2, text2, "said", null, null);

    fx.mergeActor(mergedState, state);
  }
}
