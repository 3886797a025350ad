using TabbPortal.Domain.Audit;

namespace TabbPortal.Tests.Integration.Access;

/// <summary>The consent state of one of the matrix's children (each is connected to all three agencies).</summary>
public enum ConsentState
{
    /// <summary>No consent was ever recorded.</summary>
    None,

    /// <summary>Every guardian with custody consented to all three agencies, valid today.</summary>
    Valid,

    /// <summary>The same consent, but its period ended yesterday.</summary>
    Expired,

    /// <summary>The same consent, withdrawn.</summary>
    Withdrawn,

    /// <summary>No consent; every practitioner in the matrix opened the record by emergency access.</summary>
    Emergency,
}

/// <summary>The roles of the matrix, each played by one demo account.</summary>
public enum MatrixRole
{
    /// <summary>Karin Ek, Ekskolan: the child's school and the unit that registered it.</summary>
    School,

    /// <summary>Sara Holm, social services: a participant in the child's plan.</summary>
    SocialServices,

    /// <summary>Maria Lund, BVC Flen: a participant in the child's plan.</summary>
    Health,

    ProcessLeader,
    Administrator,
    LogReviewer,
}

/// <summary>What is tried on the child, and the access-log entry it must leave.</summary>
public enum MatrixTarget
{
    /// <summary>GET /barn/{id} over HTTP, prerendered.</summary>
    ChildPage,

    /// <summary>PlanService.GetForChildAsync (the plan tab opening).</summary>
    PlanOpen,

    /// <summary>PlanService.SaveViewsAsync.</summary>
    PlanSaveViews,

    /// <summary>PlanService.SaveActionAsync (a new action).</summary>
    PlanSaveAction,

    /// <summary>PlanService.ListVersionsAsync (part of the open plan page: checked, not logged when allowed).</summary>
    PlanVersions,

    /// <summary>PlanService.GetOpenMeetingAsync (part of the open plan page: checked, not logged when allowed).</summary>
    PlanMeeting,

    /// <summary>PlanService.HistoryAsync (part of the open plan page: checked, not logged when allowed).</summary>
    PlanHistory,

    /// <summary>PlanDraftService.SaveAsync: the user's unsaved typing, kept once a second (checked, not logged when allowed).</summary>
    PlanDraft,

    /// <summary>GET /planer/{planId}/jamfor over HTTP.</summary>
    ComparePage,

    /// <summary>GET /planer/{planId}/versioner/1/familjens-exemplar over HTTP (the print).</summary>
    FamilyCopyPage,

    /// <summary>AssessmentService.ListAsync.</summary>
    Assessments,

    /// <summary>ConsentService.GetLedgerAsync.</summary>
    ConsentLedger,

    /// <summary>ChildService.RecordConcernAsync.</summary>
    RecordConcern,

    /// <summary>Hub JoinPlan over a WebSocket.</summary>
    HubJoinPlan,

    /// <summary>Hub GetPlan after JoinPlan.</summary>
    HubGetPlan,

    /// <summary>Hub SaveViews after JoinPlan.</summary>
    HubSaveViews,
}

/// <summary>An expected outcome of one cell.</summary>
public enum Outcome
{
    /// <summary>A: allowed on the whole record (consent or emergency access); the allowed entry is written (for targets that log when allowed).</summary>
    Allowed,

    /// <summary>O: allowed on the own-unit basis (the child's details, the unit's own information).</summary>
    OwnUnit,

    /// <summary>D: refused by the access rule, with a denied entry in the access log.</summary>
    Denied,

    /// <summary>R: refused by role before any child is reached (page, service or hub requires the practitioner role); no entry.</summary>
    RoleRefused,

    /// <summary>N: refused by the hub because the plan was not joined (JoinPlan was denied and logged); no second entry.</summary>
    NotJoined,
}

/// <summary>
/// THE authorization matrix: every role × every target × every consent state, in one table. The columns of each row's
/// string are the consent states in the order None, Valid, Expired, Withdrawn, Emergency. A = allowed, O = own unit,
/// D = denied and logged, R = refused by role, N = hub call refused as not joined.
/// </summary>
public static class AccessMatrix
{
    public static readonly ConsentState[] States = [ConsentState.None, ConsentState.Valid, ConsentState.Expired, ConsentState.Withdrawn, ConsentState.Emergency];

    private const string AllR = "R R R R R";

    public static readonly IReadOnlyList<(MatrixTarget Target, MatrixRole Role, string Expected)> Table =
    [
        (MatrixTarget.ChildPage, MatrixRole.School, "O A O O A"),
        (MatrixTarget.ChildPage, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.ChildPage, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.ChildPage, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.ChildPage, MatrixRole.Administrator, AllR),
        (MatrixTarget.ChildPage, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.PlanOpen, MatrixRole.School, "D A D D A"),
        (MatrixTarget.PlanOpen, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.PlanOpen, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.PlanOpen, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.PlanOpen, MatrixRole.Administrator, AllR),
        (MatrixTarget.PlanOpen, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.PlanSaveViews, MatrixRole.School, "D A D D A"),
        (MatrixTarget.PlanSaveViews, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.PlanSaveViews, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.PlanSaveViews, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.PlanSaveViews, MatrixRole.Administrator, AllR),
        (MatrixTarget.PlanSaveViews, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.PlanSaveAction, MatrixRole.School, "D A D D A"),
        (MatrixTarget.PlanSaveAction, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.PlanSaveAction, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.PlanSaveAction, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.PlanSaveAction, MatrixRole.Administrator, AllR),
        (MatrixTarget.PlanSaveAction, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.PlanVersions, MatrixRole.School, "D A D D A"),
        (MatrixTarget.PlanVersions, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.PlanVersions, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.PlanVersions, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.PlanVersions, MatrixRole.Administrator, AllR),
        (MatrixTarget.PlanVersions, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.PlanMeeting, MatrixRole.School, "D A D D A"),
        (MatrixTarget.PlanMeeting, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.PlanMeeting, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.PlanMeeting, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.PlanMeeting, MatrixRole.Administrator, AllR),
        (MatrixTarget.PlanMeeting, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.PlanHistory, MatrixRole.School, "D A D D A"),
        (MatrixTarget.PlanHistory, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.PlanHistory, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.PlanHistory, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.PlanHistory, MatrixRole.Administrator, AllR),
        (MatrixTarget.PlanHistory, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.PlanDraft, MatrixRole.School, "D A D D A"),
        (MatrixTarget.PlanDraft, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.PlanDraft, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.PlanDraft, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.PlanDraft, MatrixRole.Administrator, AllR),
        (MatrixTarget.PlanDraft, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.ComparePage, MatrixRole.School, "D A D D A"),
        (MatrixTarget.ComparePage, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.ComparePage, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.ComparePage, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.ComparePage, MatrixRole.Administrator, AllR),
        (MatrixTarget.ComparePage, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.FamilyCopyPage, MatrixRole.School, "D A D D A"),
        (MatrixTarget.FamilyCopyPage, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.FamilyCopyPage, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.FamilyCopyPage, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.FamilyCopyPage, MatrixRole.Administrator, AllR),
        (MatrixTarget.FamilyCopyPage, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.Assessments, MatrixRole.School, "D A D D A"),
        (MatrixTarget.Assessments, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.Assessments, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.Assessments, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.Assessments, MatrixRole.Administrator, AllR),
        (MatrixTarget.Assessments, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.ConsentLedger, MatrixRole.School, "O A O O A"),
        (MatrixTarget.ConsentLedger, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.ConsentLedger, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.ConsentLedger, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.ConsentLedger, MatrixRole.Administrator, AllR),
        (MatrixTarget.ConsentLedger, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.RecordConcern, MatrixRole.School, "O A O O A"),
        (MatrixTarget.RecordConcern, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.RecordConcern, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.RecordConcern, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.RecordConcern, MatrixRole.Administrator, AllR),
        (MatrixTarget.RecordConcern, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.HubJoinPlan, MatrixRole.School, "D A D D A"),
        (MatrixTarget.HubJoinPlan, MatrixRole.SocialServices, "D A D D A"),
        (MatrixTarget.HubJoinPlan, MatrixRole.Health, "D A D D A"),
        (MatrixTarget.HubJoinPlan, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.HubJoinPlan, MatrixRole.Administrator, AllR),
        (MatrixTarget.HubJoinPlan, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.HubGetPlan, MatrixRole.School, "N A N N A"),
        (MatrixTarget.HubGetPlan, MatrixRole.SocialServices, "N A N N A"),
        (MatrixTarget.HubGetPlan, MatrixRole.Health, "N A N N A"),
        (MatrixTarget.HubGetPlan, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.HubGetPlan, MatrixRole.Administrator, AllR),
        (MatrixTarget.HubGetPlan, MatrixRole.LogReviewer, AllR),

        (MatrixTarget.HubSaveViews, MatrixRole.School, "N A N N A"),
        (MatrixTarget.HubSaveViews, MatrixRole.SocialServices, "N A N N A"),
        (MatrixTarget.HubSaveViews, MatrixRole.Health, "N A N N A"),
        (MatrixTarget.HubSaveViews, MatrixRole.ProcessLeader, AllR),
        (MatrixTarget.HubSaveViews, MatrixRole.Administrator, AllR),
        (MatrixTarget.HubSaveViews, MatrixRole.LogReviewer, AllR),
    ];

    /// <summary>The access-log entry each target writes: its kind and part, and whether an allowed call is logged (a denial always is).</summary>
    public static (AccessKind Kind, RecordPart Part, bool LoggedWhenAllowed) EntryOf(MatrixTarget target) => target switch
    {
        MatrixTarget.ChildPage => (AccessKind.Read, RecordPart.Child, true),
        MatrixTarget.PlanOpen => (AccessKind.Read, RecordPart.Plan, true),
        MatrixTarget.PlanSaveViews => (AccessKind.Write, RecordPart.Plan, true),
        MatrixTarget.PlanSaveAction => (AccessKind.Write, RecordPart.Plan, true),
        MatrixTarget.PlanVersions => (AccessKind.Read, RecordPart.PlanVersion, false),
        MatrixTarget.PlanMeeting => (AccessKind.Read, RecordPart.Meeting, false),
        MatrixTarget.PlanHistory => (AccessKind.Read, RecordPart.Plan, false),
        MatrixTarget.PlanDraft => (AccessKind.Write, RecordPart.Plan, false),
        MatrixTarget.ComparePage => (AccessKind.Read, RecordPart.PlanVersion, true),
        MatrixTarget.FamilyCopyPage => (AccessKind.Print, RecordPart.FamilyCopy, true),
        MatrixTarget.Assessments => (AccessKind.Read, RecordPart.Assessments, true),
        MatrixTarget.ConsentLedger => (AccessKind.Read, RecordPart.Consent, true),
        MatrixTarget.RecordConcern => (AccessKind.Write, RecordPart.Concerns, true),
        MatrixTarget.HubJoinPlan => (AccessKind.Read, RecordPart.Plan, true),
        MatrixTarget.HubGetPlan => (AccessKind.Read, RecordPart.Plan, true),
        MatrixTarget.HubSaveViews => (AccessKind.Write, RecordPart.Plan, true),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    public static Outcome Expected(MatrixTarget target, MatrixRole role, ConsentState state)
    {
        var row = Table.Single(r => r.Target == target && r.Role == role);
        var code = row.Expected.Split(' ')[Array.IndexOf(States, state)];
        return code switch
        {
            "A" => Outcome.Allowed,
            "O" => Outcome.OwnUnit,
            "D" => Outcome.Denied,
            "R" => Outcome.RoleRefused,
            "N" => Outcome.NotJoined,
            _ => throw new InvalidOperationException($"Unknown outcome code {code} in the matrix row {target}/{role}."),
        };
    }

    /// <summary>The table as markdown, for the README (a test keeps it complete).</summary>
    public static string ToMarkdown()
    {
        var lines = new List<string>
        {
            "| target | role | none | valid | expired | withdrawn | emergency |",
            "|---|---|---|---|---|---|---|",
        };
        lines.AddRange(Table.Select(r => $"| {r.Target} | {r.Role} | {string.Join(" | ", r.Expected.Split(' '))} |"));
        return string.Join('\n', lines);
    }
}
