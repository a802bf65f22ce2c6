using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NetworkRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AgreementsAcceptedAt",
                table: "members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "action_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerMemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Needs = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceRequestId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GoalReached = table.Column<int>(type: "INTEGER", nullable: false),
                    CooperationQuality = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourcesUsed = table.Column<string>(type: "TEXT", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: true),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceRequestId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "goals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Draft = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<string>(type: "TEXT", nullable: false),
                    Specific = table.Column<string>(type: "TEXT", nullable: false),
                    Measurable = table.Column<string>(type: "TEXT", nullable: false),
                    Ambitious = table.Column<string>(type: "TEXT", nullable: false),
                    Realistic = table.Column<string>(type: "TEXT", nullable: false),
                    TimeBound = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "group_agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OnlineLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Agenda = table.Column<string>(type: "TEXT", nullable: true),
                    Memo = table.Column<string>(type: "TEXT", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "network_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Et = table.Column<string>(type: "TEXT", nullable: false),
                    En = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_network_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "action_progress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_action_progress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_action_progress_action_items_ActionItemId",
                        column: x => x.ActionItemId,
                        principalTable: "action_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_items_NetworkId",
                table: "action_items",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_action_items_SourceRequestId",
                table: "action_items",
                column: "SourceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_action_progress_ActionItemId",
                table: "action_progress",
                column: "ActionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_NetworkId",
                table: "feedback",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_SourceRequestId",
                table: "feedback",
                column: "SourceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_goals_NetworkId_Draft",
                table: "goals",
                columns: new[] { "NetworkId", "Draft" });

            migrationBuilder.CreateIndex(
                name: "IX_group_agreements_NetworkId_Position",
                table: "group_agreements",
                columns: new[] { "NetworkId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_NetworkId_StartsAt",
                table: "meetings",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_network_history_NetworkId_Id",
                table: "network_history",
                columns: new[] { "NetworkId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "action_progress");

            migrationBuilder.DropTable(
                name: "feedback");

            migrationBuilder.DropTable(
                name: "goals");

            migrationBuilder.DropTable(
                name: "group_agreements");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "network_history");

            migrationBuilder.DropTable(
                name: "action_items");

            migrationBuilder.DropColumn(
                name: "AgreementsAcceptedAt",
                table: "members");
        }
    }
}
