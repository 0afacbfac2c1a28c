namespace PeaceTalks.Web.Models;

// Every enum is stored, exported and imported as its kebab-case word (see KebabCase), so the
// database, the CSV files and the URLs all read the same: "leans-against", "on-or-before".

public enum ActorKind { Person, Government, Delegation, Organisation }

public enum SourceKind { NewsReport, SocialMediaPost, Interview, OfficialReadout, PressRelease, Other }

/// <summary>How exact a date is: a month-precision date is stored as the first of that month.</summary>
public enum DatePrecision { Day, Month, Year }

/// <summary>
/// What a date means. <see cref="On"/>: it happened then (to the given precision).
/// <see cref="OnOrBefore"/>: the source does not say when; it happened no later than this date
/// (usually the date of the report that carries it).
/// </summary>
public enum DateBasis { On, OnOrBefore }

public enum TextKind { Quote, Paraphrase }

public enum Channel { XPost, SocialMediaPost, Interview, PressBriefing, PressStatement, Speech, Readout, NotStated }

/// <summary>First-hand: the actor's own post or transcript. Reported: an outlet's account of what they said.</summary>
public enum Attribution { FirstHand, Reported }

public enum ParticipantRole { Host, Envoy, Delegation, DelegationMember, Participant }

/// <summary>The stance scale, from for to against. "No known position" is the absence of a position, never a value here.</summary>
public enum Stance { Supports, LeansSupport, Ambiguous, LeansAgainst, Opposes }
