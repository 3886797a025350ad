using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>Joint meetings on a plan with their decisions, and the drafts kept while users type (ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130100000_Meetings")]
public sealed class Meetings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "Meetings" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY,
                "PlanId" TEXT NOT NULL,
                "HeldOn" TEXT NOT NULL,
                "Agenda" TEXT NULL,
                "Notes" TEXT NULL,
                "Attendees" TEXT NOT NULL,
                "Status" TEXT NOT NULL,
                "StartedAt" INTEGER NOT NULL,
                "StartedByUserId" TEXT NOT NULL,
                "StartedByName" TEXT NOT NULL,
                "EndedAt" INTEGER NULL,
                "FixedVersionNumber" INTEGER NULL,
                "Version" TEXT NOT NULL,
                CONSTRAINT "FK_Meetings_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_Meetings_PlanId" ON "Meetings" ("PlanId") WHERE "Status" = 'Open';
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "MeetingDecisions" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_MeetingDecisions" PRIMARY KEY,
                "Text" TEXT NOT NULL,
                "RecordedByName" TEXT NOT NULL,
                "RecordedAt" INTEGER NOT NULL,
                "ActionId" TEXT NULL,
                "MeetingId" TEXT NOT NULL,
                CONSTRAINT "FK_MeetingDecisions_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_MeetingDecisions_MeetingId" ON "MeetingDecisions" ("MeetingId");
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "PlanDrafts" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_PlanDrafts" PRIMARY KEY,
                "PlanId" TEXT NOT NULL,
                "UserId" TEXT NOT NULL,
                "Field" TEXT NOT NULL,
                "Value" TEXT NOT NULL,
                "SavedAt" INTEGER NOT NULL,
                CONSTRAINT "FK_PlanDrafts_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_PlanDrafts_PlanId" ON "PlanDrafts" ("PlanId");
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_PlanDrafts_UserId_PlanId_Field" ON "PlanDrafts" ("UserId", "PlanId", "Field");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PlanDrafts");
        migrationBuilder.DropTable(name: "MeetingDecisions");
        migrationBuilder.DropTable(name: "Meetings");
    }
}
