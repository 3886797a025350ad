namespace TabbPortal.Domain.FollowUp;

/// <summary>Who answers: the guardian, the child (the same goals in simple words) or a professional.</summary>
public enum RespondentKind
{
    Guardian = 1,
    Child = 2,
    Professional = 3,
}

/// <summary>
/// The effect goals of the family collaboration team's plan that the questionnaires follow: families feel more
/// supported (goal 1) and get a better overview and easier planning (goal 2); agencies get a better overview, easier
/// planning and more time for their core mission (goal 2); collaboration between agencies works better (goal 3).
/// </summary>
public enum EffectGoal
{
    MoreSupport = 1,
    BetterOverview = 2,
    EasierPlanning = 3,
    MoreTimeForCoreMission = 4,
    FunctionalCollaboration = 5,
}

/// <summary>One statement, answered on a scale from 1 (not at all true) to 5 (completely true). The wording is in the resource files under "Question_{Code}".</summary>
public sealed record EffectQuestion(string Code, RespondentKind Kind, EffectGoal Goal);

/// <summary>The questions of each questionnaire. Codes are stable: answers are stored and reported by them.</summary>
public static class EffectQuestionnaire
{
    public const int MinAnswer = 1;
    public const int MaxAnswer = 5;

    public static IReadOnlyList<EffectQuestion> All { get; } =
    [
        new("G1", RespondentKind.Guardian, EffectGoal.MoreSupport),
        new("G2", RespondentKind.Guardian, EffectGoal.BetterOverview),
        new("G3", RespondentKind.Guardian, EffectGoal.EasierPlanning),
        new("G4", RespondentKind.Guardian, EffectGoal.FunctionalCollaboration),
        new("C1", RespondentKind.Child, EffectGoal.MoreSupport),
        new("C2", RespondentKind.Child, EffectGoal.BetterOverview),
        new("C3", RespondentKind.Child, EffectGoal.EasierPlanning),
        new("C4", RespondentKind.Child, EffectGoal.FunctionalCollaboration),
        new("P1", RespondentKind.Professional, EffectGoal.BetterOverview),
        new("P2", RespondentKind.Professional, EffectGoal.BetterOverview),
        new("P3", RespondentKind.Professional, EffectGoal.EasierPlanning),
        new("P4", RespondentKind.Professional, EffectGoal.MoreTimeForCoreMission),
        new("P5", RespondentKind.Professional, EffectGoal.FunctionalCollaboration),
    ];

    public static IReadOnlyList<EffectQuestion> For(RespondentKind kind) => [.. All.Where(q => q.Kind == kind)];

    public static EffectQuestion? Find(string code) => All.SingleOrDefault(q => q.Code == code);
}
