using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>
/// The child's access stamp: a counter the database renews, in the same transaction, whenever anything the access rule
/// reads about the child changes (ADR-011). A decision remembered with the stamp is used only while the stamp is unchanged.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261202090000_ChildAccessStamp")]
public sealed class ChildAccessStamp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "AccessStamp", table: "Children", type: "INTEGER", nullable: false, defaultValue: 0L);
        foreach (var trigger in Triggers())
        {
            migrationBuilder.Sql(trigger.Create);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in Triggers())
        {
            migrationBuilder.Sql($"""DROP TRIGGER "{trigger.Name}";""");
        }

        migrationBuilder.Sql("""ALTER TABLE "Children" DROP COLUMN "AccessStamp";""");
    }

    // The SQL is kept here, as it was when this migration was written: a later change to the triggers is a new migration.
    private sealed record Trigger(string Name, string Create);

    /// <summary>What the access rule (<c>ChildAccessGate.DecideAsync</c>) reads, table by table, and how a row names its child.</summary>
    private static List<Trigger> Triggers()
    {
        var triggers = new List<Trigger>();

        // The child itself: who registered it and its school.
        triggers.Add(new("TR_AccessStamp_Children_Update",
            """
            CREATE TRIGGER "TR_AccessStamp_Children_Update" AFTER UPDATE OF "RegisteredByUnitId", "SchoolUnitId" ON "Children"
            BEGIN
                UPDATE "Children" SET "AccessStamp" = "AccessStamp" + 1 WHERE "Id" = NEW."Id";
            END;
            """));

        // Rows that name the child: guardians (custody), roles, concerns handed over, plans, consents, withdrawals, emergency accesses.
        Direct(triggers, "Guardians", "\"ChildId\", \"HasCustody\"");
        Direct(triggers, "ChildRoleAssignments", "\"ChildId\", \"StaffUserId\", \"UnitId\", \"To\"");
        Direct(triggers, "Concerns", "\"ChildId\", \"HandOverToUnitId\"");
        Direct(triggers, "Plans", "\"ChildId\"");
        Direct(triggers, "Consents", null);
        Direct(triggers, "ConsentWithdrawals", null);
        Direct(triggers, "EmergencyAccesses", "\"ChildId\", \"UserId\", \"ExpiresAt\"");

        // Rows of a plan that connect a unit to the child: participants and the units responsible for actions.
        ThroughPlan(triggers, "PlanParticipants", "\"PlanId\", \"UnitId\"");
        ThroughPlan(triggers, "PlanActions", "\"PlanId\", \"ResponsibleUnitId\"");
        return triggers;
    }

    private static void Direct(List<Trigger> triggers, string table, string? updatedColumns) =>
        Add(triggers, table, updatedColumns, row => $"{row}.\"ChildId\"");

    private static void ThroughPlan(List<Trigger> triggers, string table, string updatedColumns) =>
        Add(triggers, table, updatedColumns, row => $"(SELECT \"ChildId\" FROM \"Plans\" WHERE \"Id\" = {row}.\"PlanId\")");

    private static void Add(List<Trigger> triggers, string table, string? updatedColumns, Func<string, string> childOf)
    {
        string Bump(string row) => $"UPDATE \"Children\" SET \"AccessStamp\" = \"AccessStamp\" + 1 WHERE \"Id\" = {childOf(row)};";

        triggers.Add(new($"TR_AccessStamp_{table}_Insert",
            $"CREATE TRIGGER \"TR_AccessStamp_{table}_Insert\" AFTER INSERT ON \"{table}\"\nBEGIN\n    {Bump("NEW")}\nEND;"));
        triggers.Add(new($"TR_AccessStamp_{table}_Delete",
            $"CREATE TRIGGER \"TR_AccessStamp_{table}_Delete\" AFTER DELETE ON \"{table}\"\nBEGIN\n    {Bump("OLD")}\nEND;"));
        if (updatedColumns is not null)
        {
            // A row moved to another child (or plan) changes both: the old one and the new one.
            triggers.Add(new($"TR_AccessStamp_{table}_Update",
                $"CREATE TRIGGER \"TR_AccessStamp_{table}_Update\" AFTER UPDATE OF {updatedColumns} ON \"{table}\"\nBEGIN\n    {Bump("OLD")}\n    {Bump("NEW")}\nEND;"));
        }
    }
}
