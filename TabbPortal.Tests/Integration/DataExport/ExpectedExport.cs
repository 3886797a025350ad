using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TabbPortal.Tests.Integration.DataExport;

/// <summary>
/// The golden shape of the JSON export of a <see cref="SeededChild"/>, written out field by field from what the builder
/// put in, independently of the portal's own records: renaming, dropping or adding a field changes the shape and fails.
/// </summary>
internal static class ExpectedExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static JsonNode For(SeededChild c, DateTimeOffset producedAt, string producedByUnit, IReadOnlyList<object> accessLog)
    {
        var g = c.GivenName;
        var d = c.Day0;
        var attendees = new object[]
        {
            new { name = "Karin Ek", kind = "Professional", agency = "Ekskolan" },
            new { name = $"Anna {c.FamilyName}", kind = "Guardian", agency = (string?)null },
            new { name = g, kind = "Child", agency = (string?)null },
        };
        var document = new
        {
            schemaVersion = 1,
            producedAt,
            producedByUnit,
            child = new
            {
                id = c.ChildId, personalIdentityNumber = $"{c.Number[..8]}-{c.Number[8..]}", givenName = g, familyName = c.FamilyName,
                municipality = "Flen kommun", schoolUnit = "Ekskolan", registeredByUnit = "Ekskolan", registeredAt = c.Start,
            },
            guardians = new object[]
            {
                new { name = $"Anna {c.FamilyName}", relationship = "mamma", phone = "070-100 00 01", email = "anna@exempel.se", hasCustody = true },
                new { name = $"Per {c.FamilyName}", relationship = "pappa", phone = (string?)null, email = (string?)null, hasCustody = false },
            },
            supportLevels = new object[]
            {
                new { level = "Universal", from = d, to = (DateOnly?)d.AddDays(10), reason = (string?)null },
                new { level = "Targeted", from = d.AddDays(10), to = (DateOnly?)null, reason = (string?)$"{g} behöver stöd i skolan." },
            },
            roles = new object[]
            {
                new { role = "ContactPerson", staffName = "Karin Ek", unit = "Ekskolan", from = d.AddDays(1), to = (DateOnly?)null, handoverNote = (string?)null },
            },
            concerns = new object[]
            {
                new
                {
                    raisedAt = c.Start.AddDays(2), raisedBy = "Omar Haddad", raisedByUnit = "Ekskolan", whatIsInTheWay = $"{g} är ofta ledsen.",
                    informationNeeded = (string?)null, whatICanDo = $"Prata med {g} varje dag.", whatMyAgencyCanDo = (string?)null,
                    helpNeededFromOthers = (string?)null, decision = "HandleWithinAgency", handedOverToUnit = (string?)null,
                    reportedToSocialServicesOn = (DateOnly?)null, reportedBy = (string?)null,
                },
            },
            wellbeingAssessments = new object[]
            {
                new
                {
                    assessedOn = d.AddDays(3), perspective = "Child", guardianName = (string?)null, recordedBy = "Karin Ek",
                    ratings = new object[] { new { indicator = "Safe", score = 3, comment = $"{g} känner sig trygg i klassen." } },
                    myWorld = new
                    {
                        growingStrengths = $"{g} gillar att rita.", growingConcerns = (string?)null, careStrengths = (string?)null,
                        careConcerns = (string?)null, worldStrengths = (string?)null, worldConcerns = (string?)null,
                    },
                    resilience = new { resilience = (string?)null, vulnerability = (string?)null, protectiveEnvironment = (string?)null, adversity = (string?)null },
                },
            },
            plans = new object[]
            {
                new
                {
                    id = c.PlanId, type = "ChildsPlan", status = c.ClosedOn is null ? "Open" : "Closed", createdAt = c.Start.AddDays(5),
                    summary = $"Sammanfattning om {g}.", summaryWithheldFromFamily = true, childViews = $"{g} vill ha hjälp med läsningen.",
                    childViewsMissingReason = (string?)null, guardianViews = $"Föräldrarna om {g}.", overallResponsibleOrganisation = (string?)null,
                    nextReviewOn = d.AddDays(90), closedOn = c.ClosedOn, closedReason = c.ClosedOn is null ? null : "Målen är nådda.",
                    needs = new object[]
                    {
                        new
                        {
                            description = $"{g} behöver läsa bättre.", withheldFromFamily = false, goals = new[] { $"{g} läser en bok i månaden." },
                            actions = new object[]
                            {
                                new
                                {
                                    description = $"Lästräning för {g}", responsibleUnit = "Ekskolan", responsiblePerson = "Omar Haddad", startOn = d.AddDays(6),
                                    dueOn = d.AddDays(60), desiredOutcome = $"{g} läser själv", evidence = "Lästest", status = "InProgress", withheldFromFamily = true,
                                },
                            },
                        },
                    },
                    participants = new object[] { new { unit = "Ekskolan", organisation = "Flen kommun", contactName = "Karin Ek" } },
                    reviews = new object[]
                    {
                        new
                        {
                            heldOn = d.AddDays(30), heldBy = "Karin Ek", notes = $"{g} läser mer.", nextReviewOn = d.AddDays(90),
                            goals = new object[] { new { goal = $"{g} läser en bok i månaden.", judgement = "PartlyReached" } },
                        },
                    },
                    history = new object[]
                    {
                        new { at = c.Start.AddDays(5), by = "Karin Ek", part = "Plan", summary = (string?)null },
                        new { at = c.Start.AddDays(5).AddHours(1), by = "Karin Ek", part = "Need", summary = (string?)$"{g} behöver läsa bättre." },
                    },
                    versions = new object[]
                    {
                        new
                        {
                            number = 1, fixedOn = d.AddDays(20), fixedBy = "Karin Ek", attendees,
                            snapshot = new
                            {
                                type = "ChildsPlan", overallResponsible = (string?)null, summary = $"Sammanfattning om {g}.", summaryWithheld = true,
                                childViews = $"{g} vill ha hjälp med läsningen.", childViewsMissingReason = (string?)null, guardianViews = $"Föräldrarna om {g}.",
                                nextReviewOn = (DateOnly?)null,
                                needs = new object[]
                                {
                                    new
                                    {
                                        id = c.NeedId, description = $"{g} behöver läsa bättre.", withheld = false,
                                        goals = new object[] { new { id = c.GoalId, description = $"{g} läser en bok i månaden." } },
                                        actions = new object[]
                                        {
                                            new
                                            {
                                                id = c.ActionId, description = $"Lästräning för {g}", responsibleUnit = "Ekskolan", responsiblePerson = "Omar Haddad",
                                                startOn = d.AddDays(6), dueOn = d.AddDays(60), desiredOutcome = $"{g} läser själv", evidence = "Lästest",
                                                status = "InProgress", withheld = true,
                                            },
                                        },
                                    },
                                },
                                participants = new object[] { new { unit = "Ekskolan", organisation = "Flen kommun", contactName = "Karin Ek" } },
                            },
                        },
                    },
                    meetings = new object[]
                    {
                        new
                        {
                            heldOn = d.AddDays(20), status = "Ended", agenda = $"Dagordning för {g}", notes = $"Anteckningar om {g}.", attendees,
                            startedBy = "Karin Ek", startedAt = c.Start.AddDays(20), endedAt = c.Start.AddDays(20).AddHours(2), fixedVersionNumber = 1,
                            decisions = new object[] { new { text = $"Beslut för {g}", recordedBy = "Karin Ek", recordedAt = c.Start.AddDays(20).AddHours(1), becameAction = false } },
                        },
                    },
                },
            },
            consents = new object[]
            {
                new
                {
                    giver = "Guardian", giverName = $"Anna {c.FamilyName}", sharedWith = new[] { "School" }, categories = new[] { "School" },
                    purpose = $"Stöd till {g} i skolan.", form = "Written", documentedBy = "Karin Ek", documentedByUnit = "Ekskolan",
                    validFrom = d.AddDays(4), validTo = d.AddDays(4).AddYears(1), recordedAt = c.Start.AddDays(4), replacesEarlierEntry = false,
                    withdrawal = (object?)new
                    {
                        withdrawnBy = $"Anna {c.FamilyName}", note = "Ersätts av ett bredare samtycke.", withdrawnAt = c.Start.AddDays(4).AddHours(1),
                        recordedBy = "Karin Ek",
                    },
                },
                new
                {
                    giver = "Guardian", giverName = $"Anna {c.FamilyName}", sharedWith = new[] { "School", "SocialServices", "HealthCare" },
                    categories = new[] { "School", "SocialServices", "HealthCare" }, purpose = $"Samordnad plan för {g}.", form = "Oral",
                    documentedBy = "Karin Ek", documentedByUnit = "Ekskolan", validFrom = d.AddDays(4), validTo = d.AddDays(4).AddYears(2),
                    recordedAt = c.Start.AddDays(4).AddHours(1), replacesEarlierEntry = true, withdrawal = (object?)null,
                },
            },
            emergencyAccesses = new object[]
            {
                new
                {
                    unit = "BVC Flen", reason = $"Akut läkemedelsfråga om {g}.", grantedAt = c.Start.AddDays(25), expiresAt = c.Start.AddDays(25).AddHours(2),
                    reviewedAt = (DateTimeOffset?)null,
                },
            },
            accessLog,
        };
        return JsonSerializer.SerializeToNode(document, Json)!;
    }
}
