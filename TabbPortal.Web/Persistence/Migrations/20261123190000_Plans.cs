using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>The child's plan: needs, goals, actions with their own concurrency token, participating agencies (ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261123190000_Plans")]
public sealed class Plans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.Sql("""
                CREATE TABLE "Plans" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY,
                    "ChildId" TEXT NOT NULL,
                    "Type" TEXT NOT NULL,
                    "Status" TEXT NOT NULL,
                    "CreatedAt" INTEGER NOT NULL,
                    "CreatedByUserId" TEXT NOT NULL,
                    "Summary" TEXT NULL,
                    "ChildViews" TEXT NULL,
                    "ChildViewsMissingReason" TEXT NULL,
                    "GuardianViews" TEXT NULL,
                    "OverallResponsibleOrganisationId" TEXT NULL,
                    "NextReviewOn" TEXT NULL,
                    "ClosedOn" TEXT NULL,
                    "ClosedReason" TEXT NULL,
                    "Version" TEXT NOT NULL,
                    CONSTRAINT "FK_Plans_Children_ChildId" FOREIGN KEY ("ChildId") REFERENCES "Children" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_Plans_Organisations_OverallResponsibleOrganisationId" FOREIGN KEY ("OverallResponsibleOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "PlanNeeds" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanNeeds" PRIMARY KEY,
                    "Description" TEXT NOT NULL,
                    "PlanId" TEXT NOT NULL,
                    CONSTRAINT "FK_PlanNeeds_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "PlanParticipants" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanParticipants" PRIMARY KEY,
                    "UnitId" TEXT NOT NULL,
                    "ContactUserId" TEXT NOT NULL,
                    "ContactName" TEXT NOT NULL,
                    "PlanId" TEXT NOT NULL,
                    CONSTRAINT "FK_PlanParticipants_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_PlanParticipants_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "PlanActions" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanActions" PRIMARY KEY,
                    "NeedId" TEXT NOT NULL,
                    "Description" TEXT NOT NULL,
                    "ResponsibleUnitId" TEXT NOT NULL,
                    "ResponsiblePerson" TEXT NULL,
                    "StartOn" TEXT NOT NULL,
                    "DueOn" TEXT NOT NULL,
                    "DesiredOutcome" TEXT NOT NULL,
                    "Evidence" TEXT NULL,
                    "Status" TEXT NOT NULL,
                    "PlanId" TEXT NOT NULL,
                    "Version" TEXT NOT NULL,
                    CONSTRAINT "FK_PlanActions_PlanNeeds_NeedId" FOREIGN KEY ("NeedId") REFERENCES "PlanNeeds" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_PlanActions_Plans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "Plans" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_PlanActions_Units_ResponsibleUnitId" FOREIGN KEY ("ResponsibleUnitId") REFERENCES "Units" ("Id") ON DELETE RESTRICT
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE "PlanGoals" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanGoals" PRIMARY KEY,
                    "Description" TEXT NOT NULL,
                    "NeedId" TEXT NOT NULL,
                    CONSTRAINT "FK_PlanGoals_PlanNeeds_NeedId" FOREIGN KEY ("NeedId") REFERENCES "PlanNeeds" ("Id") ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanActions_NeedId" ON "PlanActions" ("NeedId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanActions_PlanId" ON "PlanActions" ("PlanId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanActions_ResponsibleUnitId" ON "PlanActions" ("ResponsibleUnitId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanGoals_NeedId" ON "PlanGoals" ("NeedId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanNeeds_PlanId" ON "PlanNeeds" ("PlanId");
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_PlanParticipants_PlanId_UnitId" ON "PlanParticipants" ("PlanId", "UnitId");
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_PlanParticipants_UnitId" ON "PlanParticipants" ("UnitId");
                """);

            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_Plans_ChildId" ON "Plans" ("ChildId") WHERE "Status" = 'Open';
                """);

            migrationBuilder.Sql("""
                CREATE INDEX "IX_Plans_OverallResponsibleOrganisationId" ON "Plans" ("OverallResponsibleOrganisationId");
                """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.DropTable(name: "PlanParticipants");
            migrationBuilder.DropTable(name: "PlanActions");
            migrationBuilder.DropTable(name: "PlanGoals");
            migrationBuilder.DropTable(name: "PlanNeeds");
            migrationBuilder.DropTable(name: "Plans");
    }
}
