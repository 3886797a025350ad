using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TabbPortal.Web.Persistence.Migrations;

/// <summary>The implementation plan: its steps, each organisation's (and unit's) progress with history, and the county milestones (ADR-003).</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261201120000_ImplementationPlan")]
public sealed class ImplementationPlan : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TABLE "ImplementationSteps" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_ImplementationSteps" PRIMARY KEY,
                "Name" TEXT NOT NULL,
                "Description" TEXT NULL,
                "Order" INTEGER NOT NULL,
                "Scope" TEXT NOT NULL,
                "MeasuresShare" INTEGER NOT NULL,
                "IsActive" INTEGER NOT NULL,
                "Version" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "CountyMilestones" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_CountyMilestones" PRIMARY KEY,
                "Code" TEXT NOT NULL,
                "Title" TEXT NOT NULL,
                "Description" TEXT NULL,
                "Order" INTEGER NOT NULL,
                "DueOn" TEXT NOT NULL,
                "Rule" TEXT NOT NULL,
                "IsSetManually" INTEGER NOT NULL,
                "SetStatus" TEXT NOT NULL,
                "CompletedOn" TEXT NULL,
                "Note" TEXT NULL,
                "ChangedByName" TEXT NULL,
                "ChangedAt" INTEGER NULL,
                "Version" TEXT NOT NULL
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "StepProgress" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_StepProgress" PRIMARY KEY,
                "StepId" TEXT NOT NULL,
                "OrganisationId" TEXT NOT NULL,
                "UnitId" TEXT NULL,
                "Status" TEXT NOT NULL,
                "Date" TEXT NULL,
                "ResponsiblePerson" TEXT NULL,
                "Evidence" TEXT NULL,
                "TrainedShare" INTEGER NULL,
                "LastChangedAt" INTEGER NULL,
                "Version" TEXT NOT NULL,
                CONSTRAINT "FK_StepProgress_ImplementationSteps_StepId" FOREIGN KEY ("StepId") REFERENCES "ImplementationSteps" ("Id") ON DELETE RESTRICT,
                CONSTRAINT "FK_StepProgress_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE,
                CONSTRAINT "FK_StepProgress_Units_UnitId" FOREIGN KEY ("UnitId") REFERENCES "Units" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE TABLE "StepProgressChanges" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_StepProgressChanges" PRIMARY KEY,
                "ProgressId" TEXT NOT NULL,
                "ChangedAt" INTEGER NOT NULL,
                "ChangedByUserId" TEXT NOT NULL,
                "ChangedByName" TEXT NOT NULL,
                "FromStatus" TEXT NOT NULL,
                "ToStatus" TEXT NOT NULL,
                "FromShare" INTEGER NULL,
                "ToShare" INTEGER NULL,
                "Date" TEXT NULL,
                "Note" TEXT NULL,
                CONSTRAINT "FK_StepProgressChanges_StepProgress_ProgressId" FOREIGN KEY ("ProgressId") REFERENCES "StepProgress" ("Id") ON DELETE CASCADE
            );
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_CountyMilestones_Code" ON "CountyMilestones" ("Code");
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_StepProgress_OrganisationId_StepId" ON "StepProgress" ("OrganisationId", "StepId") WHERE "UnitId" IS NULL;
            """);
        migrationBuilder.Sql("""
            CREATE UNIQUE INDEX "IX_StepProgress_OrganisationId_StepId_UnitId" ON "StepProgress" ("OrganisationId", "StepId", "UnitId") WHERE "UnitId" IS NOT NULL;
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_StepProgress_StepId" ON "StepProgress" ("StepId");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_StepProgress_UnitId" ON "StepProgress" ("UnitId");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_StepProgressChanges_ChangedAt" ON "StepProgressChanges" ("ChangedAt");
            """);
        migrationBuilder.Sql("""
            CREATE INDEX "IX_StepProgressChanges_ProgressId" ON "StepProgressChanges" ("ProgressId");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "StepProgressChanges");
        migrationBuilder.DropTable(name: "StepProgress");
        migrationBuilder.DropTable(name: "CountyMilestones");
        migrationBuilder.DropTable(name: "ImplementationSteps");
    }
}
