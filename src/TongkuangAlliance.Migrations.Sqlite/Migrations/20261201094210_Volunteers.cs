using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PartyMemberId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PartyMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MemberUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PartyBranch = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HomeCommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    HomeCompoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Registration = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PhoneTail = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartyMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Communities_HomeCommunityId",
                        column: x => x.HomeCommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyMembers_Compounds_HomeCompoundId",
                        column: x => x.HomeCompoundId,
                        principalTable: "Compounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartyMembers_MemberUnits_MemberUnitId",
                        column: x => x.MemberUnitId,
                        principalTable: "MemberUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivitySignUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySignUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivitySignUps_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActivitySignUps_ActivityServices_ActivityServiceId",
                        column: x => x.ActivityServiceId,
                        principalTable: "ActivityServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActivitySignUps_PartyMembers_PartyMemberId",
                        column: x => x.PartyMemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckedInAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedOutAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CheckOutSource = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ModifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CheckIns_PartyMembers_PartyMemberId",
                        column: x => x.PartyMemberId,
                        principalTable: "PartyMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartyMemberId",
                table: "AspNetUsers",
                column: "PartyMemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUps_ActivityId_PartyMemberId",
                table: "ActivitySignUps",
                columns: new[] { "ActivityId", "PartyMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUps_ActivityServiceId_Status_QueuedAtUtc",
                table: "ActivitySignUps",
                columns: new[] { "ActivityServiceId", "Status", "QueuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySignUps_PartyMemberId",
                table: "ActivitySignUps",
                column: "PartyMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_ActivityId_PartyMemberId",
                table: "CheckIns",
                columns: new[] { "ActivityId", "PartyMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CheckedInAtUtc",
                table: "CheckIns",
                column: "CheckedInAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PartyMemberId_CheckedInAtUtc",
                table: "CheckIns",
                columns: new[] { "PartyMemberId", "CheckedInAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_HomeCommunityId_Name",
                table: "PartyMembers",
                columns: new[] { "HomeCommunityId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_HomeCompoundId",
                table: "PartyMembers",
                column: "HomeCompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_MemberUnitId_Name",
                table: "PartyMembers",
                columns: new[] { "MemberUnitId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_Phone",
                table: "PartyMembers",
                column: "Phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartyMembers_PhoneTail",
                table: "PartyMembers",
                column: "PhoneTail");

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_PartyMembers_PartyMemberId",
                table: "AspNetUsers",
                column: "PartyMemberId",
                principalTable: "PartyMembers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_PartyMembers_PartyMemberId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ActivitySignUps");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "PartyMembers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartyMemberId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PartyMemberId",
                table: "AspNetUsers");
        }
    }
}
