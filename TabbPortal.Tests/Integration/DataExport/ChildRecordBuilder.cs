using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Assessments;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Meetings;
using TabbPortal.Domain.Plans;
using TabbPortal.Tests.Integration.Children;
using TabbPortal.Web.Persistence;

namespace TabbPortal.Tests.Integration.DataExport;

/// <summary>
/// Seeds a child of Ekskolan (Flen) with something in every part of the record, every text carrying the child's given
/// name, straight into the database with the domain's own methods: details and two guardians, a change of level, a
/// contact person, a concern, an assessment, a consent (school only) withdrawn and replaced by one for all three agencies
/// (valid two years), an emergency access by BVC Flen, and a plan with a need, a goal, an action, a participant, a review,
/// history rows, a joint meeting with a decision, and the version fixed in it. Times start at <see cref="Start"/>.
/// </summary>
internal sealed record SeededChild(
    Guid ChildId, string Number, string GivenName, string FamilyName, DateTimeOffset Start, Guid PlanId, Guid NeedId, Guid GoalId, Guid ActionId,
    Guid MeetingId, Guid AssessmentId, DateOnly? ClosedOn)
{
    public DateOnly Day0 => DateOnly.FromDateTime(Start.UtcDateTime);

    public static Task<SeededChild> SeedAsync(PortalFactory factory, string givenName, string familyName, DateTimeOffset start,
        DateOnly? closedOn = null) =>
        SeedAsync(() => DemoLookup.ContextAsync(factory), givenName, familyName, start, closedOn);

    /// <param name="open">Opens a context on the portal's database (of a test server or of a portal process).</param>
    public static async Task<SeededChild> SeedAsync(Func<Task<PortalDbContext>> open, string givenName, string familyName, DateTimeOffset start,
        DateOnly? closedOn = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        Guid flen, ekskolan, bvc;
        string karinId, omarId, mariaId;
        await using (var lookup = await open())
        {
            flen = await lookup.Organisations.Where(o => o.Name == "Flen kommun").Select(o => o.Id).SingleAsync();
            ekskolan = await lookup.Units.Where(u => u.Name == "Ekskolan").Select(u => u.Id).SingleAsync();
            bvc = await lookup.Units.Where(u => u.Name == "BVC Flen").Select(u => u.Id).SingleAsync();
            karinId = await lookup.Users.Where(u => u.Email == DemoLookup.Karin).Select(u => u.Id).SingleAsync();
            omarId = await lookup.Users.Where(u => u.Email == DemoLookup.Omar).Select(u => u.Id).SingleAsync();
            mariaId = await lookup.Users.Where(u => u.Email == DemoLookup.Maria).Select(u => u.Id).SingleAsync();
        }

        var karin = new StaffRef(karinId, "Karin Ek", ekskolan);
        var omar = new StaffRef(omarId, "Omar Haddad", ekskolan);
        var day0 = DateOnly.FromDateTime(start.UtcDateTime);
        var number = TestNumber.Next().Canonical;
        var g = givenName;

        var child = Child.Register(PersonalIdentityNumber.FromCanonical(number), g, familyName, flen, ekskolan,
        [
            new GuardianInput { Name = $"Anna {familyName}", Relationship = "mamma", Phone = "070-100 00 01", Email = "anna@exempel.se", HasCustody = true },
            new GuardianInput { Name = $"Per {familyName}", Relationship = "pappa", HasCustody = false },
        ], karin, start);
        child.AssignRole(ChildRole.ContactPerson, karin, day0.AddDays(1), null);
        child.ChangeSupportLevel(SupportLevel.Targeted, day0.AddDays(10), karin.UserId, $"{g} behöver stöd i skolan.");

        var concern = Concern.Record(new ConcernInput
        {
            ChildId = child.Id, WhatIsInTheWay = $"{g} är ofta ledsen.", WhatICanDo = $"Prata med {g} varje dag.", Decision = ConcernDecision.HandleWithinAgency,
        }, omar, start.AddDays(2));

        var mother = child.Guardians.Single(x => x.HasCustody).Id;
        var documenter = new ConsentDocumenter(karin.UserId, karin.Name, ekskolan);
        var schoolOnly = ConsentEntry.Record(child.Id, new ConsentInput
        {
            Giver = ConsentGiver.Guardian, GuardianId = mother, SharedWith = Agencies.School, Categories = Agencies.School, Purpose = $"Stöd till {g} i skolan.",
            Form = ConsentForm.Written, ValidFrom = day0.AddDays(4), ValidTo = day0.AddDays(4).AddYears(1),
        }, $"Anna {familyName}", documenter, start.AddDays(4));
        var withdrawal = ConsentWithdrawal.Of(schoolOnly, $"Anna {familyName}", "Ersätts av ett bredare samtycke.", documenter, start.AddDays(4).AddHours(1));
        var allAgencies = ConsentEntry.Record(child.Id, new ConsentInput
        {
            Giver = ConsentGiver.Guardian, GuardianId = mother, SharedWith = Agencies.All, Categories = Agencies.All, Purpose = $"Samordnad plan för {g}.",
            Form = ConsentForm.Oral, ValidFrom = day0.AddDays(4), ValidTo = day0.AddDays(4).AddYears(2),
        }, $"Anna {familyName}", documenter, start.AddDays(4).AddHours(1), replacesId: schoolOnly.Id);
        var emergency = EmergencyAccess.Grant(child.Id, new ConsentDocumenter(mariaId, "Maria Lund", bvc),
            $"Akut läkemedelsfråga om {g}.", start.AddDays(25), TimeSpan.FromHours(2));

        var assessmentInput = new AssessmentInput { AssessedOn = day0.AddDays(3), Perspective = Perspective.Child, MyWorld = new MyWorld { GrowingStrengths = $"{g} gillar att rita." } };
        var safe = assessmentInput.Ratings.Single(r => r.Indicator == WellbeingIndicator.Safe);
        safe.Score = 3;
        safe.Comment = $"{g} känner sig trygg i klassen.";
        var assessment = WellbeingAssessment.Record(child.Id, assessmentInput, karin.UserId, karin.Name, day0.AddDays(3));

        var plan = Plan.Open(child.Id, karin.UserId, start.AddDays(5));
        plan.RecordViews($"Sammanfattning om {g}.", $"{g} vill ha hjälp med läsningen.", null, $"Föräldrarna om {g}.", summaryWithheldFromFamily: true);
        var need = plan.AddNeed($"{g} behöver läsa bättre.");
        var goal = plan.AddGoal(need.Id, $"{g} läser en bok i månaden.");
        var action = plan.AddAction(new ActionInput
        {
            NeedId = need.Id, Description = $"Lästräning för {g}", ResponsibleUnitId = ekskolan, ResponsiblePerson = "Omar Haddad",
            StartOn = day0.AddDays(6), DueOn = day0.AddDays(60), DesiredOutcome = $"{g} läser själv", Evidence = "Lästest",
            Status = ActionStatus.InProgress, WithheldFromFamily = true,
        });
        plan.SetParticipant(ekskolan, karin.UserId, karin.Name);

        var attendees = new[]
        {
            new Attendee("Karin Ek", AttendeeKind.Professional, "Ekskolan"),
            new Attendee($"Anna {familyName}", AttendeeKind.Guardian, null),
            new Attendee(g, AttendeeKind.Child, null),
        };
        var meeting = Meeting.Start(plan, day0.AddDays(20), $"Dagordning för {g}", karin.UserId, karin.Name, start.AddDays(20), day0.AddDays(20));
        meeting.Record($"Dagordning för {g}", $"Anteckningar om {g}.", attendees);
        meeting.AddDecision($"Beslut för {g}", karin.Name, start.AddDays(20).AddHours(1));
        var snapshot = new PlanSnapshot(PlanType.ChildsPlan, null, plan.Summary, true, plan.ChildViews, null, plan.GuardianViews, null,
            [new NeedSnapshot(need.Id, need.Description, false, [new GoalSnapshot(goal.Id, goal.Description)],
                [new ActionSnapshot(action.Id, action.Description, "Ekskolan", "Omar Haddad", action.StartOn, action.DueOn, action.DesiredOutcome, "Lästest",
                    ActionStatus.InProgress, true)])],
            [new ParticipantSnapshot("Ekskolan", "Flen kommun", "Karin Ek")]);
        var version = PlanVersion.Fix(plan, 1, snapshot, day0.AddDays(20), attendees, karin.UserId, karin.Name, start.AddDays(20).AddHours(2), day0.AddDays(20));
        meeting.End(version, start.AddDays(20).AddHours(2));
        plan.RecordReview(day0.AddDays(30), karin.Name, new Dictionary<Guid, GoalJudgement> { [goal.Id] = GoalJudgement.PartlyReached },
            day0.AddDays(90), $"{g} läser mer.", day0.AddDays(30));
        if (closedOn is { } closed)
        {
            plan.Close("Målen är nådda.", closed);
        }

        await using var context = await open();
        context.Children.Add(child);
        context.Concerns.Add(concern);
        context.Consents.AddRange(schoolOnly, allAgencies);
        context.ConsentWithdrawals.Add(withdrawal);
        context.EmergencyAccesses.Add(emergency);
        context.WellbeingAssessments.Add(assessment);
        context.Plans.Add(plan);
        context.Add(new PlanChange(plan.Id, PlanPart.Plan, null, karin.UserId, karin.Name, start.AddDays(5)));
        context.Add(new PlanChange(plan.Id, PlanPart.Need, need.Description, karin.UserId, karin.Name, start.AddDays(5).AddHours(1)));
        context.Meetings.Add(meeting);
        context.PlanVersions.Add(version);
        await context.SaveChangesAsync();
        return new SeededChild(child.Id, number, g, familyName, start, plan.Id, need.Id, goal.Id, action.Id, meeting.Id, assessment.Id, closedOn);
    }

    /// <summary>How many rows of every table that hangs off this child there are, straight from the database (for "nothing left" checks).</summary>
    public async Task<Dictionary<string, int>> RowsInDatabaseAsync(PortalFactory factory)
    {
        await using var context = await DemoLookup.ContextAsync(factory);
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var counts = new Dictionary<string, int>();
        foreach (var (table, where) in new[]
                 {
                     ("Children", "Id = $child"), ("Guardians", "ChildId = $child"), ("ChildSupportLevels", "ChildId = $child"),
                     ("ChildRoleAssignments", "ChildId = $child"), ("Concerns", "ChildId = $child"), ("WellbeingAssessments", "ChildId = $child"),
                     ("Consents", "ChildId = $child"), ("ConsentWithdrawals", "ChildId = $child"), ("EmergencyAccesses", "ChildId = $child"),
                     ("Plans", "ChildId = $child"), ("PlanNeeds", "PlanId = $plan"), ("PlanGoals", "NeedId = $need"), ("PlanActions", "PlanId = $plan"),
                     ("PlanParticipants", "PlanId = $plan"), ("PlanReviews", "PlanId = $plan"), ("PlanChanges", "PlanId = $plan"),
                     ("PlanVersions", "PlanId = $plan"), ("Meetings", "PlanId = $plan"),
                     ("MeetingDecisions", "MeetingId = $meeting"), ("WellbeingRatings", "AssessmentId = $assessment"),
                     ("PlanReviewGoals", "GoalId = $goal"),
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
            foreach (var (name, value) in new[] { ("$child", ChildId), ("$plan", PlanId), ("$need", NeedId), ("$goal", GoalId), ("$meeting", MeetingId), ("$assessment", AssessmentId) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value.ToString().ToUpperInvariant();
                command.Parameters.Add(parameter);
            }

            counts[table] = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
