package com.feesmanager.automation.adapters.local;

import com.feesmanager.automation.ports.out.StatusBoard;
import com.feesmanager.automation.ports.out.contract.StatusBoardContract;

class InMemoryStatusBoardTest extends StatusBoardContract {

  @Override
  protected StatusBoard newBoard() {
    return new InMemoryStatusBoard();
  }
}
