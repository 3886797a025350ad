using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>
/// Fixed plan versions, and the marks that keep passages out of the family's copy (ADR-003). A trigger makes a fixed
/// version unchangeable in the database itself, whatever code writes to it.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130090000_PlanVersions")]
public sealed class PlanVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            ALTER TABLE "Plans" ADD "SummaryWithheldFromFamily" INTEGER NOT NULL DEFAULT 0;
            """);
        migrationBuilder.Sql("""
            ALTER TABLE "PlanNeeds" ADD "WithheldFromFamily" INTEGER NOT NULL DEFAULT 0;
            """);
        migrationBuilder.Sql("""
            ALTER TABLE "PlanActions" ADD "WithheldFromFamily" INTEGER NOT NULL DEFAULT 0;
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "PlanVersions" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_PlanVersions" PRIMARY KEY,
                "PlanId" TEXT NOT NULL,
                "Number" INTEGER NOT NULL,
                "FixedOn" TEXT NOT NULL,
                "FixedAt" INTEGER NOT NULL,
                "FixedByUserId" TEXT NOT NULL,
                "FixedByName" TEXT NOT NULL,
                "Attendees" TEXT NOT NULL,
                "Snapshot" TEXT NOT NULL,
                CONSTRAINT "FK_PlanVersions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_PlanVersions_PlanId_Number" ON "PlanVersions" ("PlanId", "Number");
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_PlanVersions_NoUpdate" BEFORE UPDATE ON "PlanVersions"
            BEGIN
                SELECT RAISE(ABORT, 'A fixed plan version cannot be changed.');
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP TRIGGER "TR_PlanVersions_NoUpdate";""");
        migrationBuilder.DropTable(name: "PlanVersions");
        migrationBuilder.Sql("""ALTER TABLE "PlanActions" DROP COLUMN "WithheldFromFamily";""");
        migrationBuilder.Sql("""ALTER TABLE "PlanNeeds" DROP COLUMN "WithheldFromFamily";""");
        migrationBuilder.Sql("""ALTER TABLE "Plans" DROP COLUMN "SummaryWithheldFromFamily";""");
    }
}
