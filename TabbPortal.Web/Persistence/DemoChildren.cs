using Microsoft.EntityFrameworkCore;
using TabbPortal.Domain.Children;
using TabbPortal.Domain.Concerns;
using TabbPortal.Domain.Consent;
using TabbPortal.Domain.Organisations;
using TabbPortal.Domain.Plans;
using TabbPortal.Web.Security;

namespace TabbPortal.Web.Persistence;

/// <summary>
/// Invented children for the demo: every name is made up, and every personal identity number is generated from an
/// invented date and serial with a valid check digit. Flen's children are in the demo practitioners' care; the other
/// municipalities' children give the county views something to count.
/// </summary>
internal static class DemoChildren
{
    private sealed record Demo(string Given, string Family, DateOnly Born, int Serial, string Municipality, string? School, SupportLevel Level);

    private static readonly Demo[] OtherMunicipalities =
    [
        new("Astrid", "Lövgren", new(2015, 3, 14), 482, "Eskilstuna kommun", "Ekbackeskolan", SupportLevel.Targeted),
        new("Elias", "Brandt", new(2012, 11, 2), 617, "Eskilstuna kommun", "Ekbackeskolan", SupportLevel.Coordinated),
        new("Saga", "Wikström", new(2020, 6, 21), 236, "Strängnäs kommun", "Förskolan Ugglan", SupportLevel.Universal),
        new("Oskar", "Rydén", new(2013, 1, 30), 751, "Strängnäs kommun", "Lönnskolan", SupportLevel.Targeted),
        new("Leah", "Falk", new(2016, 9, 9), 324, "Katrineholm kommun", "Björkskolan", SupportLevel.Coordinated),
        new("Vincent", "Borg", new(2011, 4, 18), 915, "Katrineholm kommun", "Björkskolan", SupportLevel.Universal),
        new("Ines", "Hallin", new(2014, 7, 7), 148, "Vingåker kommun", "Almskolan", SupportLevel.Targeted),
        new("Melvin", "Strid", new(2019, 12, 1), 573, "Nyköping kommun", "Förskolan Fjärilen", SupportLevel.Coordinated),
        new("Tyra", "Nordin", new(2010, 2, 25), 862, "Nyköping kommun", "Lindskolan", SupportLevel.Targeted),
        new("Loke", "Engdahl", new(2017, 5, 12), 407, "Oxelösund kommun", "Havsskolan", SupportLevel.Universal),
        new("Stella", "Myhr", new(2012, 8, 29), 694, "Trosa kommun", "Aspskolan", SupportLevel.Coordinated),
        new("Sixten", "Alm", new(2021, 10, 3), 259, "Gnesta kommun", "Förskolan Bävern", SupportLevel.Targeted),
    ];

    public static async Task SeedAsync(PortalDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await context.Children.AnyAsync(cancellationToken))
        {
            return;
        }

        var units = await context.Units.Join(context.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.Id, u.Name, Organisation = o.Name })
            .ToListAsync(cancellationToken);
        var municipalities = await context.Organisations.Where(o => o.Kind == OrganisationKind.Municipality).ToDictionaryAsync(o => o.Name, o => o.Id, cancellationToken);
        var staff = await context.Users.Where(u => u.Email!.EndsWith("@" + DemoSeeder.DemoEmailDomain) && u.UnitId != null)
            .ToDictionaryAsync(u => u.Email!, u => new StaffRef(u.Id, u.DisplayName, u.UnitId!.Value), cancellationToken);
        Guid Unit(string organisation, string name) => units.Single(u => u.Organisation == organisation && u.Name == name).Id;
        StaffRef Person(string local) => staff[$"{local}@{DemoSeeder.DemoEmailDomain}"];
        var today = DateOnly.FromDateTime(now.Date);
        var flen = municipalities["Flen kommun"];
        var ekskolan = Unit("Flen kommun", "Ekskolan");
        var myran = Unit("Flen kommun", "Förskolan Myran");
        var socialServices = Unit("Flen kommun", "Flen kommun socialtjänst, barn och unga");
        var karin = Person("karin.ek");
        var omar = Person("omar.haddad");
        var sara = Person("sara.holm");
        var maria = Person("maria.lund");

        Child Register(string given, string family, DateOnly born, int serial, Guid municipality, Guid? school, StaffRef by, params GuardianInput[] guardians)
        {
            var child = Child.Register(Number(born, serial), given, family, municipality, school, guardians, by, now.AddDays(-120));
            context.Children.Add(child);
            return child;
        }

        var alva = Register("Alva", "Lindgren", new(2017, 2, 8), 384, flen, ekskolan, karin,
            Guardian("Johanna Lindgren", "mamma", "070-111 22 33"), Guardian("Mikael Lindgren", "pappa", "070-111 22 34"));
        alva.AssignRole(ChildRole.ContactPerson, karin, today.AddDays(-110), null);
        alva.ChangeSupportLevel(SupportLevel.Targeted, today.AddDays(-60), karin.UserId, "Stöd i läsning och skrivning inom skolan.");

        var noah = Register("Noah", "Sjöberg", new(2014, 5, 19), 457, flen, ekskolan, karin,
            Guardian("Petra Sjöberg", "mamma", "073-222 33 44"));
        noah.AssignRole(ChildRole.ContactPerson, karin, today.AddDays(-110), null);
        noah.ChangeSupportLevel(SupportLevel.Targeted, today.AddDays(-90), karin.UserId, "Hög frånvaro, elevhälsan involverad.");
        noah.ChangeSupportLevel(SupportLevel.Coordinated, today.AddDays(-40), karin.UserId, "Skola och socialtjänst behöver en gemensam plan.");
        noah.AssignRole(ChildRole.Coordinator, sara, today.AddDays(-40), null);
        context.Concerns.Add(Concern.Record(new ConcernInput
        {
            ChildId = noah.Id,
            WhatIsInTheWay = "Noah är ofta borta från skolan och säger att han inte orkar. Han har slutat gå på fritids.",
            InformationNeeded = "Vet inte hur det fungerar hemma efter skolan.",
            WhatICanDo = "Prata med Noah varje morgon och följa upp frånvaron.",
            WhatMyAgencyCanDo = "Elevhälsan kan träffa Noah och mamma.",
            HelpNeededFromOthers = "Socialtjänsten kan behöva erbjuda stöd till familjen.",
            Decision = ConcernDecision.ConsentAndJointMeeting,
        }, omar, now.AddDays(-45)));

        // Noah's coordinated plan: one action of the school is overdue and the review is next week.
        var plan = Plan.Open(noah.Id, karin.UserId, now.AddDays(-38));
        plan.RecordViews(
            "Hög frånvaro sedan i höstas. Noah och mamma vill ha stöd både i skolan och hemma.",
            "Noah säger att han vill gå till skolan men att morgnarna är jobbiga.",
            null,
            "Mamma tycker att skolan ska höra av sig oftare.");
        var need = plan.AddNeed("Noah behöver komma till skolan och orka vara där.");
        plan.AddGoal(need.Id, "Noah är i skolan minst fyra dagar i veckan.");
        plan.AddAction(new ActionInput
        {
            NeedId = need.Id, Description = "Morgonsamtal med mentor varje skoldag", ResponsibleUnitId = ekskolan, ResponsiblePerson = "Omar Haddad",
            StartOn = today.AddDays(-35), DueOn = today.AddDays(-5), DesiredOutcome = "Noah kommer i tid", Evidence = "Närvarostatistik",
        });
        plan.AddAction(new ActionInput
        {
            NeedId = need.Id, Description = "Familjestöd i hemmet", ResponsibleUnitId = socialServices, ResponsiblePerson = "Sara Holm",
            StartOn = today.AddDays(-30), DueOn = today.AddDays(60), DesiredOutcome = "Morgnarna hemma fungerar", Status = ActionStatus.InProgress,
        });
        plan.SetParticipant(ekskolan, karin.UserId, karin.Name);
        plan.SetParticipant(socialServices, sara.UserId, sara.Name);
        plan.ScheduleReview(today.AddDays(7), today);
        context.Plans.Add(plan);

        var ella = Register("Ella", "Åkesson", new(2023, 4, 2), 291, flen, myran, maria,
            Guardian("Sofia Åkesson", "mamma", "076-333 44 55"), Guardian("Daniel Åkesson", "pappa", null, "daniel.akesson@exempel.se"));
        ella.AssignRole(ChildRole.ContactPerson, maria, today.AddDays(-100), null);

        var wilma = Register("Wilma", "Forsberg", new(2025, 1, 17), 168, flen, null, maria,
            Guardian("Amina Forsberg", "mamma", "072-444 55 66"));
        wilma.AssignRole(ChildRole.ContactPerson, maria, today.AddDays(-100), null);
        wilma.ChangeSupportLevel(SupportLevel.Targeted, today.AddDays(-30), maria.UserId, "Extra hembesök från BVC.");

        var hugo = Register("Hugo", "Dahlberg", new(2011, 10, 23), 536, flen, ekskolan, karin,
            Guardian("Lena Dahlberg", "mamma", "070-555 66 77"), Guardian("Tomas Dahlberg", "pappa", "070-555 66 78", hasCustody: false));
        hugo.AssignRole(ChildRole.ContactPerson, karin, today.AddDays(-110), null);
        hugo.ChangeSupportLevel(SupportLevel.Coordinated, today.AddDays(-20), karin.UserId, "Skola, socialtjänst och BUP behöver samordna sig.");
        hugo.AssignRole(ChildRole.Coordinator, sara, today.AddDays(-20), null);
        var handedOver = Concern.Record(new ConcernInput
        {
            ChildId = hugo.Id,
            WhatIsInTheWay = "Hugo har berättat om bråk hemma och verkar rädd att gå hem.",
            Decision = ConcernDecision.HandOverToAnotherAgency,
            HandOverToUnitId = socialServices,
            ReportedToSocialServices = true,
            ReportedOn = today.AddDays(-25),
        }, karin, now.AddDays(-25));
        context.Concerns.Add(handedOver);

        List<ConsentEntry> Consent(Child child, StaffRef by, Agencies agencies, int daysAgo, int validDays, bool childToo = false)
        {
            var entries = new List<ConsentEntry>();
            var input = new ConsentInput
            {
                SharedWith = agencies, Categories = agencies, Form = ConsentForm.Written,
                Purpose = "Samverkan kring barnets plan enligt Tillsammans för barnens bästa.",
                ValidFrom = today.AddDays(-daysAgo), ValidTo = today.AddDays(-daysAgo + validDays),
            };
            foreach (var guardian in child.Guardians.Where(g => g.HasCustody))
            {
                input.Giver = ConsentGiver.Guardian;
                input.GuardianId = guardian.Id;
                entries.Add(ConsentEntry.Record(child.Id, input, guardian.Name, Documenter(by), now.AddDays(-daysAgo)));
            }

            if (childToo)
            {
                input.Giver = ConsentGiver.Child;
                input.GuardianId = null;
                entries.Add(ConsentEntry.Record(child.Id, input, child.FullName, Documenter(by), now.AddDays(-daysAgo)));
            }

            context.Consents.AddRange(entries);
            return entries;
        }

        var maja = Register("Maja", "Holmqvist", new(2019, 8, 11), 613, flen, ekskolan, karin,
            Guardian("Karl Holmqvist", "pappa", "070-666 77 88"));
        maja.AssignRole(ChildRole.ContactPerson, karin, today.AddDays(-110), null);

        // Consents: Noah's and Hugo's cover all three agencies; Alva's school and health care; Maja's was withdrawn;
        // Ella and Wilma have none, so only the unit that registered them sees them, and only its own information.
        Consent(noah, karin, Agencies.All, 50, 365);
        Consent(hugo, karin, Agencies.All, 30, 365, childToo: true);
        Consent(alva, karin, Agencies.School | Agencies.HealthCare, 70, 365);
        foreach (var entry in Consent(maja, karin, Agencies.School | Agencies.SocialServices, 90, 365))
        {
            context.ConsentWithdrawals.Add(ConsentWithdrawal.Of(entry, "Karl Holmqvist", "Vill inte att uppgifter delas med socialtjänsten.",
                Documenter(karin), now.AddDays(-10)));
        }

        foreach (var demo in OtherMunicipalities)
        {
            var municipality = municipalities[demo.Municipality];
            var school = Unit(demo.Municipality, demo.School!);
            var seeder = new StaffRef("demo-seed", "Demodata", school);
            var child = Register(demo.Given, demo.Family, demo.Born, demo.Serial, municipality, school, seeder,
                Guardian($"Vårdnadshavare {demo.Family}", "förälder", "070-000 00 00"));
            if (demo.Level != SupportLevel.Universal)
            {
                child.ChangeSupportLevel(SupportLevel.Targeted, today.AddDays(-80), seeder.UserId, null);
            }

            if (demo.Level == SupportLevel.Coordinated)
            {
                child.ChangeSupportLevel(SupportLevel.Coordinated, today.AddDays(-35), seeder.UserId, null);
            }

            if (demo.Level != SupportLevel.Universal)
            {
                // Consents run out: two of the coordinated children's have (Elias's and Melvin's), the others hold.
                var expired = demo.Level == SupportLevel.Coordinated && demo.Serial % 2 == 1;
                Consent(child, seeder, Agencies.All, expired ? 400 : 80, 365);
            }
        }

        await context.SaveChangesAsync(cancellationToken);
    }

    private static ConsentDocumenter Documenter(StaffRef by) => new(by.UserId, by.Name, by.UnitId);

    private static GuardianInput Guardian(string name, string relationship, string? phone, string? email = null, bool hasCustody = true) =>
        new() { Name = name, Relationship = relationship, Phone = phone, Email = email, HasCustody = hasCustody };

    /// <summary>An invented number: the given date and serial with the Luhn check digit that makes it well-formed.</summary>
    internal static PersonalIdentityNumber Number(DateOnly born, int serial)
    {
        var nine = born.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture) + serial.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < nine.Length; i++)
        {
            var product = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        var check = (10 - sum % 10) % 10;
        return PersonalIdentityNumber.FromCanonical(born.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture) + nine[2..] + check.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
