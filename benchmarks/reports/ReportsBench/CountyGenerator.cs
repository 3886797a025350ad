using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TabbPortal.Domain.Children;

namespace ReportsBench;

/// <summary>
/// A county-sized, entirely invented data set for the report benchmark, written straight into a migrated portal
/// database with prepared statements in one transaction: 3,000 staff on ~300 units, 65,000 children (invented names,
/// invented personal identity numbers with valid check digits) with guardians and levels of support, concerns, 5,000
/// plans with needs, goals, 20,000 actions, reviews and joint meetings, and questionnaire answers, spread over the last
/// three years. The same seed gives the same data.
/// </summary>
internal static class CountyGenerator
{
    private static readonly string[] GivenNames =
    [
        "Alva", "Ebbe", "Freja", "Gösta", "Hedda", "Idun", "Joel", "Kasper", "Linnea", "Malte", "Nova", "Otto", "Pim", "Rut", "Sam", "Tilde",
        "Ukko", "Vera", "Wilmer", "Yrsa", "Alfons", "Bianca", "Cornelis", "Dagny", "Erland", "Fia", "Gry", "Holger", "Iris", "Jolin",
    ];

    private static readonly string[] FamilyNames =
    [
        "Ekvall", "Forsman", "Grankvist", "Hammarlund", "Isaksson-Berg", "Jarnvik", "Kvarnström", "Lindahl-Ros", "Mossberg", "Norrby",
        "Orrvik", "Pålsgård", "Rönnqvist", "Sälleby", "Tallroth", "Udden", "Vassberg", "Ytterlid", "Åsbrink", "Älvmark", "Östmo", "Bäckvall",
    ];

    // Share of the county's children per municipality, roughly by population.
    private static readonly (string Name, double Weight)[] Municipalities =
    [
        ("Eskilstuna kommun", 0.34), ("Nyköping kommun", 0.19), ("Strängnäs kommun", 0.13), ("Katrineholm kommun", 0.11), ("Flen kommun", 0.06),
        ("Trosa kommun", 0.05), ("Oxelösund kommun", 0.04), ("Gnesta kommun", 0.04), ("Vingåker kommun", 0.03),
    ];

    public static async Task<int> RunAsync(string file, double scale)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(2026);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddYears(-3);
        int Scaled(int n) => Math.Max(1, (int)(n * scale));

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file }.ToString());
        await connection.OpenAsync();
        await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        if (await Scalar(connection, "SELECT COUNT(*) FROM Children WHERE RegisteredByUserId = 'county-generator'") > 0)
        {
            Console.WriteLine("The county data set is already there.");
            return 0;
        }

        var organisations = await Rows(connection, "SELECT Id, Name, Kind FROM Organisations");
        var region = organisations.Single(o => o[2] == "Region")[0];
        var municipalityIds = Municipalities.Select(m => organisations.Single(o => o[1] == m.Name)[0]).ToArray();
        var practitionerRole = (await Rows(connection, "SELECT Id FROM AspNetRoles WHERE Name = 'Practitioner'"))[0][0];

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        // Units: per municipality schools, preschools, student health, social services, KAA; per municipality a BVC and primary care in the region; BUP.
        var units = new List<(string Id, string Municipality, string Type)>();
        using (var insert = Command(connection, transaction, "INSERT INTO Units (Id, OrganisationId, Name, Type, Municipality, IsActive, Version) VALUES ($1,$2,$3,$4,$5,1,$6)"))
        {
            for (var m = 0; m < municipalityIds.Length; m++)
            {
                var place = Municipalities[m].Name.Replace(" kommun", string.Empty, StringComparison.Ordinal);
                var schools = Math.Max(4, (int)(60 * Municipalities[m].Weight));
                void Add(string organisation, string name, string type)
                {
                    var id = NewId();
                    Run(insert, id, organisation, name, type, place, NewId());
                    units.Add((id, municipalityIds[m], type));
                }

                for (var s = 0; s < schools; s++)
                {
                    Add(municipalityIds[m], $"Bänkskolan {place} {m}-{s + 1}", "School");
                    Add(municipalityIds[m], $"Bänkförskolan {place} {m}-{s + 1}", "Preschool");
                }

                Add(municipalityIds[m], $"Bänk elevhälsa {place} {m}", "StudentHealth");
                Add(municipalityIds[m], $"Bänk socialtjänst {place} {m}", "SocialServices");
                Add(municipalityIds[m], $"Bänk KAA {place} {m}", "YouthActivity");
                Add(region, $"Bänk BVC {place} {m}", "ChildHealthCentre");
                Add(region, $"Bänk vårdcentral {place} {m}", "PrimaryCare");
            }

            var bup = NewId();
            Run(insert, bup, region, "Bänk BUP Sörmland", "ChildAndAdolescentPsychiatry", null, NewId());
            units.AddRange(municipalityIds.Select(m => (bup, m, "ChildAndAdolescentPsychiatry")));
        }

        // Staff: 3,000 practitioners spread over the units (no password: they cannot sign in).
        var staff = new List<(string Id, string Name, string UnitId)>();
        using (var user = Command(connection, transaction, """
            INSERT INTO AspNetUsers (Id, DisplayName, Title, UnitId, IsActive, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
                SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ($1,$2,'Personal',$3,1,$4,$5,$4,$5,1,$6,$7,0,0,1,0)
            """))
        using (var role = Command(connection, transaction, "INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ($1,$2)"))
        {
            for (var i = 0; i < Scaled(3000); i++)
            {
                var id = Guid.NewGuid().ToString();
                var name = $"{Pick(random, GivenNames)} {Pick(random, FamilyNames)}";
                var email = $"personal{i:00000}@bench.example";
                var unit = units[random.Next(units.Count)];
                Run(user, id, name, unit.Id, email, email.ToUpperInvariant(), Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString());
                Run(role, id, practitionerRole);
                staff.Add((id, name, unit.Id));
            }
        }

        // Children with a guardian and the universal level from registration; invented numbers, unique by date and serial.
        var children = new List<(string Id, string Municipality, DateOnly Registered, string SchoolUnit)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        using (var child = Command(connection, transaction, """
            INSERT INTO Children (Id, GivenName, FamilyName, PersonalIdentityNumber, MunicipalityId, SchoolUnitId, RegisteredByUnitId, RegisteredByUserId, RegisteredAt, Version)
            VALUES ($1,$2,$3,$4,$5,$6,$6,'county-generator',$7,$8)
            """))
        using (var guardian = Command(connection, transaction, "INSERT INTO Guardians (Id, Name, Relationship, HasCustody, ChildId) VALUES ($1,$2,'Förälder',1,$3)"))
        {
            var cumulative = Municipalities.Select((m, i) => Municipalities.Take(i + 1).Sum(x => x.Weight)).ToArray();
            for (var i = 0; i < Scaled(65000); i++)
            {
                var m = Array.FindIndex(cumulative, c => random.NextDouble() * cumulative[^1] <= c);
                m = m < 0 ? 0 : m;
                var municipality = municipalityIds[m];
                var born = new DateOnly(2008, 1, 1).AddDays(random.Next(365 * 18));
                string number;
                do
                {
                    number = Number(born, random.Next(1, 999));
                }
                while (!taken.Add(number));

                var registered = start.AddDays(random.Next(30));
                var schools = units.Where(u => u.Municipality == municipality && u.Type is "School" or "Preschool").ToList();
                var school = schools[random.Next(schools.Count)].Id;
                var family = Pick(random, FamilyNames);
                var id = NewId();
                Run(child, id, Pick(random, GivenNames), family, number, municipality, school, Binary(registered), NewId());
                Run(guardian, NewId(), $"{Pick(random, GivenNames)} {family}", id);
                children.Add((id, municipality, registered, school));
            }
        }

        using var level = Command(connection, transaction, "INSERT INTO ChildSupportLevels (Id, Level, \"From\", \"To\", DecidedByUserId, ChildId) VALUES ($1,$2,$3,$4,'county-generator',$5)");
        using var concern = Command(connection, transaction, """
            INSERT INTO Concerns (Id, ChildId, RaisedByUserId, RaisedByName, RaisedByUnitId, RaisedAt, WhatIsInTheWay, Decision)
            VALUES ($1,$2,$3,$4,$5,$6,'Påhittad oro (benchmark).',$7)
            """);
        using var plan = Command(connection, transaction, """
            INSERT INTO Plans (Id, ChildId, Type, Status, CreatedAt, CreatedByUserId, ChildViews, ChildViewsMissingReason, NextReviewOn, ClosedOn, ClosedReason, Version, SummaryWithheldFromFamily)
            VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,0)
            """);
        using var need = Command(connection, transaction, "INSERT INTO PlanNeeds (Id, Description, PlanId, WithheldFromFamily) VALUES ($1,'Påhittat behov (benchmark).',$2,0)");
        using var goal = Command(connection, transaction, "INSERT INTO PlanGoals (Id, Description, NeedId) VALUES ($1,'Påhittat mål (benchmark).',$2)");
        using var action = Command(connection, transaction, """
            INSERT INTO PlanActions (Id, NeedId, Description, ResponsibleUnitId, StartOn, DueOn, DesiredOutcome, Status, PlanId, Version, WithheldFromFamily)
            VALUES ($1,$2,'Påhittad insats (benchmark).',$3,$4,$5,'Påhittat resultat.',$6,$7,$8,0)
            """);
        using var review = Command(connection, transaction, "INSERT INTO PlanReviews (Id, HeldOn, HeldByName, NextReviewOn, PlanId) VALUES ($1,$2,$3,$4,$5)");
        using var reviewGoal = Command(connection, transaction, "INSERT INTO PlanReviewGoals (Id, GoalId, GoalDescription, Judgement, ReviewId) VALUES ($1,$2,'Påhittat mål (benchmark).',$3,$4)");
        using var meeting = Command(connection, transaction, """
            INSERT INTO Meetings (Id, PlanId, HeldOn, Attendees, Status, StartedAt, StartedByUserId, StartedByName, EndedAt, Version)
            VALUES ($1,$2,$3,'[]','Ended',$4,$5,$6,$4,$7)
            """);

        // 5,000 children get a concern, a plan, a higher level of support, needs, actions (20,000 in all), reviews and meetings.
        var planChildren = children.OrderBy(_ => random.Next()).Take(Scaled(5000)).ToList();
        var withPlan = planChildren.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string what) => counts[what] = counts.GetValueOrDefault(what) + 1;
        foreach (var c in children.Where(c => !withPlan.Contains(c.Id)))
        {
            Run(level, NewId(), "Universal", Date(c.Registered), null, c.Id);
        }

        var actionsLeft = Scaled(20000);
        for (var p = 0; p < planChildren.Count; p++)
        {
            var c = planChildren[p];
            var local = units.Where(u => u.Municipality == c.Municipality).ToList();
            var by = staff[random.Next(staff.Count)];
            var concernOn = c.Registered.AddDays(30 + random.Next(365 * 3 - 120));
            Run(concern, NewId(), c.Id, by.Id, by.Name, by.UnitId, Binary(concernOn), "ConsentAndJointMeeting");
            Count("concerns");
            var opened = concernOn.AddDays(5 + random.Next(40));
            var coordinated = random.NextDouble() < 0.55;
            Run(level, NewId(), "Universal", Date(c.Registered), Date(opened), c.Id);
            Run(level, NewId(), coordinated ? "Coordinated" : "Targeted", Date(opened), null, c.Id);
            var closed = random.NextDouble() < 0.45 ? opened.AddDays(90 + random.Next(450)) : (DateOnly?)null;
            closed = closed > today ? null : closed;
            var end = closed ?? today;
            var planId = NewId();
            var reviews = new List<DateOnly>();
            for (var r = opened.AddDays(60 + random.Next(60)); r < end; r = r.AddDays(80 + random.Next(60)))
            {
                reviews.Add(r);
            }

            // The next review: set at the last review, or the first one still to come; 15 % of reviews are held late.
            var next = closed is null ? (reviews.Count > 0 ? reviews[^1] : opened).AddDays(90) : (DateOnly?)null;
            var hasViews = random.NextDouble() < 0.7;
            Run(plan, planId, c.Id, coordinated && random.NextDouble() < 0.3 ? "Sip" : "ChildsPlan", closed is null ? "Open" : "Closed", Binary(opened), by.Id,
                hasViews ? "Påhittade synpunkter (benchmark)." : null, hasViews ? null : "Barnet ville inte delta (benchmark).",
                next is { } n ? Date(n) : null, closed is { } cl ? Date(cl) : null, closed is null ? null : "Målen är nådda (benchmark).", NewId());
            var needId = NewId();
            var goalId = NewId();
            Run(need, needId, planId);
            Run(goal, goalId, needId);
            var actions = p == planChildren.Count - 1 ? actionsLeft : Math.Min(actionsLeft, 2 + random.Next(5));
            for (var a = 0; a < actions; a++)
            {
                var startOn = opened.AddDays(random.Next(Math.Max(1, end.DayNumber - opened.DayNumber)));
                var unit = local[random.Next(local.Count)];
                var status = random.NextDouble() switch { < 0.1 => "Cancelled", < 0.45 => "Done", < 0.8 => "InProgress", _ => "Planned" };
                Run(action, NewId(), needId, unit.Id, Date(startOn), Date(startOn.AddDays(30 + random.Next(150))), status, planId, NewId());
                Count("actions");
            }

            actionsLeft -= actions;
            for (var r = 0; r < reviews.Count; r++)
            {
                var due = reviews[r];
                var held = random.NextDouble() < 0.15 ? due.AddDays(3 + random.Next(30)) : due.AddDays(-random.Next(10));
                var reviewId = NewId();
                var nextDue = r + 1 < reviews.Count ? reviews[r + 1] : next;
                Run(review, reviewId, Date(held), by.Name, nextDue is { } nd ? Date(nd) : null, planId);
                Run(reviewGoal, NewId(), goalId, random.NextDouble() < 0.5 ? "PartlyReached" : "Reached", reviewId);
                Count("reviews");
            }

            // The first joint meeting comes 5–60 days after the concern; some plans have a second one.
            var first = concernOn.AddDays(5 + random.Next(56));
            foreach (var heldOn in random.NextDouble() < 0.5 ? [first] : new[] { first, first.AddDays(60 + random.Next(120)) })
            {
                if (heldOn <= end)
                {
                    Run(meeting, NewId(), planId, Date(heldOn), Binary(heldOn), by.Id, by.Name, NewId());
                    Count("meetings");
                }
            }
        }

        // Questionnaire answers after meetings: municipality, month and kind only.
        using (var response = Command(connection, transaction, "INSERT INTO EffectResponses (Id, Kind, MunicipalityId, Month) VALUES ($1,$2,$3,$4)"))
        using (var answer = Command(connection, transaction, "INSERT INTO EffectAnswers (QuestionCode, ResponseId, Value) VALUES ($1,$2,$3)"))
        {
            (string Kind, string[] Codes)[] kinds =
                [("Guardian", ["G1", "G2", "G3", "G4"]), ("Child", ["C1", "C2", "C3", "C4"]), ("Professional", ["P1", "P2", "P3", "P4", "P5"])];
            for (var i = 0; i < Scaled(8000); i++)
            {
                var kind = kinds[random.Next(kinds.Length)];
                var month = today.AddDays(-random.Next(365 * 3));
                var id = NewId();
                Run(response, id, kind.Kind, municipalityIds[random.Next(municipalityIds.Length)], Date(new DateOnly(month.Year, month.Month, 1)));
                foreach (var code in kind.Codes.Where(_ => random.NextDouble() < 0.9))
                {
                    Run(answer, code, id, Math.Clamp(3 + random.Next(-2, 3) + (random.NextDouble() < 0.4 ? 1 : 0), 1, 5));
                }
            }
        }

        await transaction.CommitAsync();
        await Execute(connection, "ANALYZE;");
        Console.WriteLine($"Generated in {watch.Elapsed.TotalSeconds:N1} s: {units.Count} units, {staff.Count} staff, {children.Count} children, {planChildren.Count} plans, "
            + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}")) + ".");
        return 0;
    }

    /// <summary>An invented number: a date and serial with the Luhn check digit, checked by the portal's own rules.</summary>
    private static string Number(DateOnly born, int serial)
    {
        var nine = born.ToString("yyMMdd", CultureInfo.InvariantCulture) + serial.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        var canonical = born.ToString("yyyy", CultureInfo.InvariantCulture) + nine[2..] + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
        return PersonalIdentityNumber.FromCanonical(canonical).Value;
    }

    private static string NewId() => Guid.NewGuid().ToString().ToUpperInvariant();

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>09:00 UTC on the day, as EF Core's DateTimeOffsetToBinaryConverter stores a DateTimeOffset.</summary>
    private static long Binary(DateOnly day) => (day.ToDateTime(new TimeOnly(9, 0)).Ticks / 1000) << 11;

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= 20 && sql.Contains($"${i}", StringComparison.Ordinal); i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string[]>> Rows(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : reader.GetString(i))]);
        }

        return rows;
    }
}
